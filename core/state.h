/* state.h: the state folder a nightly run keeps between runs, and the lock that keeps two runs
 * from using it at once. */
#ifndef QUARRY_STATE_H
#define QUARRY_STATE_H
#include "quarry.h"

typedef struct state_lock state_lock;

/* Creates DIR if needed and takes its lock. NULL with the reason in ERR and *STATUS set when it
 * cannot: EX_TEMPFAIL (75) if a live run holds it (the message names its PID and start time),
 * EX_CANTCREAT if DIR or its lock file cannot be made. A lock left by a run that died is taken
 * over, with a warning naming that run. */
state_lock *state_lock_take(const char *dir, quarry_buf *err, int *status);
/* Releases the lock: empties the lock file and closes it. */
void state_lock_release(state_lock *l);
/* Whether a run holds DIR's lock now: 1 with its PID and start time in HOLDER, else 0. */
int state_lock_held(const char *dir, char *holder, size_t cap);
/* Removes the temporary files (".NAME.tmp-PID", as output_temp_path names them) that runs
 * which died left in DIR, those of live processes excepted. Returns how many went. */
size_t state_sweep_temps(const char *dir);
/* Removes this process's own temporary files from DIR (a run stopped by a signal). */
size_t state_sweep_own_temps(const char *dir);
#endif
