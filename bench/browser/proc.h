/* proc.h — a program under test and every process it spawns, measured
 * from /proc. Prefix bb_proc_. */
#ifndef BB_PROC_H
#define BB_PROC_H

#include "jk.h"

#include <sys/types.h>

/* A started program. The program runs under a small keeper process that
 * is a child subreaper: helpers that double-fork (Chromium's crash
 * handler, zygotes) stay in the tree instead of moving to init, and their
 * CPU comes back through the keeper's children times when they end. */
typedef struct bb_proc {
	pid_t keeper; /* our child; 0 when not running */
	pid_t pid;    /* the program (the keeper's child) */
	bool no_net;  /* it runs in a network namespace of its own (loopback only) */
} bb_proc;

/* Starts argv[0] (a path, or a name looked up in PATH) with the extra
 * environment entries env ("NAME=value", NULL-terminated, may be NULL) and
 * stdout/stderr appended to log (may be NULL: /dev/null). With isolate
 * it asks for a network namespace of its own (root or user namespaces);
 * p->no_net tells whether it got one. Everything borrowed. Returns 0 with
 * p filled, or a negative status with err set (the exec failing counts:
 * the keeper reports it). Stop with bb_proc_stop(). */
int bb_proc_start(bb_proc *p, char *const argv[], char *const env[], const char *log, bool isolate,
                  jk_err *err);

/* SIGTERM to the program, then, after grace_ms, SIGKILL to every process
 * still in its tree; reaps the keeper. Accepts a stopped or zeroed p. */
void bb_proc_stop(bb_proc *p, int grace_ms);

/* True while the keeper (and so some of the tree) is alive. */
bool bb_proc_alive(bb_proc *p);

/* The tree at one moment. cpu_ticks sums utime+stime+cutime+cstime of the
 * keeper and every live descendant, so the difference of two samples is the
 * CPU the tree used between them, including processes that were born or
 * reaped in between. pss_kib sums Pss of every descendant (the keeper, a
 * copy of the benchmark waiting in waitpid, is left out); nproc counts
 * them. */
typedef struct bb_tree {
	unsigned long long cpu_ticks;
	long long pss_kib;
	int nproc;
} bb_tree;

/* Samples p's tree; with_pss = false skips the (slower) smaps reading.
 * Returns 0, or JK_EIO with err set when /proc cannot be read. */
int bb_proc_sample(const bb_proc *p, bool with_pss, bb_tree *out, jk_err *err);

/* Clock ticks per second for cpu_ticks. */
long bb_proc_hz(void);

#endif
