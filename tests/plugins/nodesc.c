/* nodesc.c: a test fixture module that exports no stage descriptor. */
int nodesc_helper(int x);

int nodesc_helper(int x)
{
    return x + 1;
}
