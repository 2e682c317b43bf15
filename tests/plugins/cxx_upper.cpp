// cxx_upper.cpp: a stage written in C++ against quarry.h, as a researcher might write one:
// sdk.sh builds it against the build folder and runs it, so that the header serves C++ too
// (QUARRY_STAGE exports the descriptor, extern "C").
#include <quarry.h>

#include <cctype>
#include <string>

static const quarry_param cxx_upper_params[] = {
    {"field", QUARRY_PARAM_STRING, "text", "the field to upper-case", 0, 0, 0, nullptr},
    {nullptr, QUARRY_PARAM_STRING, nullptr, nullptr, 0, 0, 0, nullptr}};

static int cxx_upper_open(quarry_ctx *ctx, void **state)
{
    // The parameter's string is the core's until close: the state may point at it.
    *state = const_cast<char *>(quarry_param_str(ctx, "field"));
    return QUARRY_OK;
}

static int cxx_upper_process(void *state, quarry_ctx *ctx, quarry_record *rec)
{
    if (quarry_get_string(rec, "_table", nullptr))
        return QUARRY_OK; // a corpus table's row, from an earlier stage: pass it on
    const char *field = static_cast<const char *>(state);
    size_t len;
    const char *s = quarry_get_string(rec, field, &len);
    if (!s)
        return quarry_reject(ctx, rec, "no string field '%s'", field);
    std::string up(s, len);
    for (char &c : up)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    quarry_set_string(rec, field, up.data(), up.size());
    return QUARRY_OK;
}

QUARRY_STAGE(cxx_upper) = {
    .abi = QUARRY_ABI_VERSION,
    .size = sizeof(struct quarry_stage),
    .name = "cxx_upper",
    .version = "1.0.0",
    .summary = "upper-cases a field (a stage in C++)",
    .params = cxx_upper_params,
    .flags = QUARRY_PER_RECORD,
    .open = cxx_upper_open,
    .process = cxx_upper_process,
};
