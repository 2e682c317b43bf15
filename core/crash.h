/* crash.h: when a stage crashes (a fatal signal in its code: SIGSEGV, SIGBUS, SIGFPE, SIGILL,
 * SIGABRT), one line on stderr naming the stage and the document it was working on, before the
 * process dies of the signal as it would have (exit 128 + N, a core dump if enabled). */
#ifndef QUARRY_CRASH_H
#define QUARRY_CRASH_H
#include "quarry.h"

/* Installs the handlers, and an alternate signal stack for the calling thread (so that a stack
 * overflow is reported too). Not under a sanitizer, whose own report says more. */
void crash_install(void);
/* Around a stage's code on this thread: its name, and the record it works on (NULL: none, as in
 * produce or finish). Nests no deeper than one. */
void crash_enter(const char *stage, const quarry_record *rec);
void crash_leave(void);
/* A thread that runs stages' code: its own alternate signal stack, freed by crash_thread_end. */
void crash_thread_begin(void);
void crash_thread_end(void);
#endif
