/* qtdep.c: a tiny shared library for the needlib fixture stage to depend on. */
int qtdep_answer(void);

int qtdep_answer(void)
{
    return 42;
}
