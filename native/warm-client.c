/*
 * hookpack's warm client (docs/warm.md): what `hookpack install --warm` writes into settings for an
 * event. It forwards one hook call (payload, cwd, environment) to the per-user daemon over a Unix
 * socket in the private state directory and prints the daemon's answer. On ANY problem it runs
 * today's command instead, `node <bundle>` with the same payload (exec: same answer, same exit).
 * It never answers on its own: the daemon's answer or the bundle's, nothing else.
 *
 *   usage: hookpack-warm <timeout seconds> <absolute path of on-<Event>.cjs>
 *          hookpack-warm <timeout seconds> <absolute path of hookpack/adopt.cjs> <argument>...
 *   (the second: a `hookpack adopt --warm` entry; today's command is `node adopt.cjs <argument>...`)
 *
 * Compiled by `hookpack install --warm` / `hookpack build` with the system C compiler;
 * HOOKPACK_DAEMON_JS is the daemon script of the hookpack package that compiled it.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef HOOKPACK_DAEMON_JS
#define HOOKPACK_DAEMON_JS ""
#endif

extern char **environ;

/* How long a daemon may take to accept a call: a live one answers its ack within a few ms. */
#define ACK_MS 300
/* Payloads above this go to the bundle directly (Claude Code's are far smaller). */
#define MAX_PAYLOAD (64 * 1024 * 1024)
#define MAX_REPLY (16 * 1024 * 1024)
/* An adopted-hooks runner takes <settings file> <Event> [<hook>]: a few more than that is refused. */
#define MAX_ARGS 8
/* The daemon is started again at most this often while it keeps failing to come up. */
#define RESPAWN_SECONDS 5

static double start_ms;

static double now_ms(void) {
  struct timeval tv;
  gettimeofday(&tv, NULL);
  return tv.tv_sec * 1000.0 + tv.tv_usec / 1000.0;
}

/* A growable byte buffer. */
typedef struct {
  char *data;
  size_t len, cap;
} buf_t;

static int buf_add(buf_t *b, const void *data, size_t len) {
  if (b->len + len + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->len + len + 1) cap *= 2;
    char *grown = realloc(b->data, cap);
    if (grown == NULL) return -1;
    b->data = grown;
    b->cap = cap;
  }
  memcpy(b->data + b->len, data, len);
  b->len += len;
  b->data[b->len] = '\0';
  return 0;
}

static int buf_str(buf_t *b, const char *text) { return buf_add(b, text, strlen(text) + 1); }

static int write_all(int fd, const char *data, size_t len) {
  while (len > 0) {
    ssize_t n = write(fd, data, len);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return -1;
    data += n;
    len -= (size_t)n;
  }
  return 0;
}

/* The state directory, as lib/home.ts resolves it: $HOOKPACK_HOME, $XDG_CACHE_HOME/hookpack, ~/.cache/hookpack. */
static int state_dir(char *out, size_t size) {
  const char *home = getenv("HOOKPACK_HOME");
  const char *xdg = getenv("XDG_CACHE_HOME");
  const char *user = getenv("HOME");
  int n;
  if (home && *home) n = snprintf(out, size, "%s", home);
  else if (xdg && *xdg) n = snprintf(out, size, "%s/hookpack", xdg);
  else if (user && *user) n = snprintf(out, size, "%s/.cache/hookpack", user);
  else return -1;
  /* A relative path means another directory to the daemon (its cwd is /): no daemon then. */
  return n > 0 && (size_t)n < size && out[0] == '/' ? 0 : -1;
}

/* Ours alone: a real directory (no link), owned by us, nobody else may write (0700 for the daemon's). */
static int private_dir(const char *path, mode_t forbidden) {
  struct stat st;
  if (lstat(path, &st) != 0) return -1;
  if (!S_ISDIR(st.st_mode) || st.st_uid != geteuid() || (st.st_mode & forbidden) != 0) return -2;
  return 0;
}

/* Starts the daemon detached: its own session, fds 0-2 on /dev/null, nothing of Claude Code's pipes. */
static void spawn_daemon(const char *state, const char *dir) {
  if (HOOKPACK_DAEMON_JS[0] == '\0') return;
  char stamp[4200];
  snprintf(stamp, sizeof stamp, "%s/starting", dir);
  struct stat st;
  if (lstat(stamp, &st) == 0 && time(NULL) - st.st_mtime < RESPAWN_SECONDS) return;
  int fd = open(stamp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) return;
  close(fd);
  utimes(stamp, NULL);
  pid_t child = fork();
  if (child < 0) return;
  if (child == 0) {
    setsid();
    if (fork() != 0) _exit(0);
    int null = open("/dev/null", O_RDWR);
    long max = sysconf(_SC_OPEN_MAX);
    if (max < 0 || max > 65536) max = 65536;
    for (int i = 0; i < 3; i++) dup2(null, i);
    for (long i = 3; i < max; i++) close((int)i);
    if (chdir("/") != 0) _exit(1);
    umask(077);
    signal(SIGPIPE, SIG_DFL);
    /* Only what the daemon needs: one project's environment must not become everyone's. */
    static char home_env[4200], path_env[8192], user_env[4200], idle_env[64], mem_env[64];
    const char *path = getenv("PATH"), *user = getenv("HOME"), *idle = getenv("HOOKPACK_DAEMON_IDLE_MS"), *mem = getenv("HOOKPACK_DAEMON_MAX_MB");
    char *env[9];
    int e = 0;
    snprintf(home_env, sizeof home_env, "HOOKPACK_HOME=%s", state);
    env[e++] = home_env;
    /* It loads bundles once: no V8 code cache, whose files a state directory a project chose could hold. */
    env[e++] = "HOOKPACK_CODE_CACHE=0";
    if (path) snprintf(path_env, sizeof path_env, "PATH=%s", path), env[e++] = path_env;
    if (user) snprintf(user_env, sizeof user_env, "HOME=%s", user), env[e++] = user_env;
    if (idle) snprintf(idle_env, sizeof idle_env, "HOOKPACK_DAEMON_IDLE_MS=%s", idle), env[e++] = idle_env;
    if (mem) snprintf(mem_env, sizeof mem_env, "HOOKPACK_DAEMON_MAX_MB=%s", mem), env[e++] = mem_env;
    env[e] = NULL;
    environ = env;
    char *argv[] = {"node", "--max-old-space-size=256", HOOKPACK_DAEMON_JS, NULL};
    execvp("node", argv);
    _exit(127);
  }
  waitpid(child, NULL, 0);
}

/* Waits until fd is ready for `events` or the epoch-ms deadline passes. */
static int wait_fd(int fd, short events, double deadline) {
  for (;;) {
    double left = deadline - now_ms();
    if (left <= 0) return 0;
    struct pollfd p = {fd, events, 0};
    int n = poll(&p, 1, (int)left + 1);
    if (n < 0 && errno == EINTR) continue;
    return n;
  }
}

/* The peer's uid and pid: the process behind the socket must be ours. */
static int peer_of(int fd, pid_t *pid) {
  *pid = 0;
#if defined(SO_PEERCRED)
  struct ucred cred;
  socklen_t len = sizeof cred;
  if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0) return -1;
  *pid = cred.pid;
  return cred.uid == geteuid() ? 0 : -1;
#else
  uid_t uid;
  gid_t gid;
  if (getpeereid(fd, &uid, &gid) != 0) return -1;
#if defined(LOCAL_PEERPID)
  socklen_t len = sizeof *pid;
  getsockopt(fd, SOL_LOCAL, LOCAL_PEERPID, pid, &len);
#endif
  return uid == geteuid() ? 0 : -1;
#endif
}

/* The bundle as it is on disk now: the daemon must have run exactly this version. */
static int bundle_stamp(const char *bundle, char *out, size_t size) {
  struct stat st;
  if (stat(bundle, &st) != 0 || !S_ISREG(st.st_mode)) return -1;
#if defined(__APPLE__)
  long long sec = (long long)st.st_mtimespec.tv_sec, nsec = (long long)st.st_mtimespec.tv_nsec;
#else
  long long sec = (long long)st.st_mtim.tv_sec, nsec = (long long)st.st_mtim.tv_nsec;
#endif
  snprintf(out, size, "%lld.%09lld:%lld:%llu", sec, nsec, (long long)st.st_size, (unsigned long long)st.st_ino);
  return 0;
}

/* Whether a process is stopped (SIGSTOP, a debugger): Linux's /proc; elsewhere unknown (0). */
static int stopped(pid_t pid) {
  char path[64], stat[512];
  snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  ssize_t n = read(fd, stat, sizeof stat - 1);
  close(fd);
  if (n <= 0) return 0;
  stat[n] = '\0';
  char *paren = strrchr(stat, ')');
  return paren != NULL && paren[1] == ' ' && (paren[2] == 'T' || paren[2] == 't');
}

/*
 * One call through the daemon: 0 with the answer printed and *code set, -1 to fall back. A daemon
 * that acked and does not answer before `answer_deadline` is hung, and one that does not ack in
 * ACK_MS because it is stopped is frozen: either is killed (it would cost every later call the
 * wait), and the next call starts a new one. A daemon merely busy (a slow handler's first load)
 * is left alone: this call runs the bundle itself.
 */
static int via_daemon(const char *bundle, char **args, int nargs, const buf_t *payload, double answer_deadline, int *code) {
  char state[4096], dir[4200], sock[4300], stamp[128], cwd[4096];
  int acked = 0;
  if (state_dir(state, sizeof state) != 0) return -1;
  struct stat st;
  if (stat(state, &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != geteuid() || (st.st_mode & 022) != 0) return -1;
  snprintf(dir, sizeof dir, "%s/daemon", state);
  int checked = private_dir(dir, 077);
  if (checked == -1 && errno == ENOENT) {
    if (mkdir(dir, 0700) != 0 && errno != EEXIST) return -1;
    checked = private_dir(dir, 077);
  }
  if (checked != 0) return -1;
  snprintf(sock, sizeof sock, "%s/sock", dir);
  struct sockaddr_un addr;
  memset(&addr, 0, sizeof addr);
  addr.sun_family = AF_UNIX;
  if (strlen(sock) >= sizeof addr.sun_path) return -1;
  strcpy(addr.sun_path, sock);
  if (lstat(sock, &st) != 0) {
    if (errno == ENOENT) spawn_daemon(state, dir);
    return -1;
  }
  if (!S_ISSOCK(st.st_mode) || st.st_uid != geteuid()) return -1;
  if (bundle_stamp(bundle, stamp, sizeof stamp) != 0) return -1;
  /* No cwd to name (deleted, or longer than PATH_MAX): the daemon would hand the handlers "" (its own "/"). */
  if (getcwd(cwd, sizeof cwd) == NULL) return -1;

  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  fcntl(fd, F_SETFD, FD_CLOEXEC);
  if (connect(fd, (struct sockaddr *)&addr, sizeof addr) != 0) {
    /* A socket file nobody listens on: the daemon died. Start a new one for the next call. */
    if (errno == ECONNREFUSED) spawn_daemon(state, dir);
    close(fd);
    return -1;
  }
  pid_t peer;
  if (peer_of(fd, &peer) != 0) {
    close(fd);
    return -1;
  }
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);

  buf_t req = {0};
  char start[64], count[32];
  int envc = 0;
  for (char **e = environ; *e; e++) envc++;
  snprintf(start, sizeof start, "%.3f", start_ms);
  snprintf(count, sizeof count, "%d", envc);
  int bad;
  if (nargs > 0) {
    /* An adopted-hooks call also carries the runner's arguments and our umask, which its commands must start with. */
    char mask[16], argc_text[16];
    mode_t m = umask(077);
    umask(m);
    snprintf(mask, sizeof mask, "%o", (unsigned)m);
    snprintf(argc_text, sizeof argc_text, "%d", nargs);
    bad = buf_str(&req, "HPKA") || buf_str(&req, bundle) || buf_str(&req, stamp) || buf_str(&req, start) || buf_str(&req, cwd) || buf_str(&req, mask) || buf_str(&req, argc_text);
    for (int i = 0; i < nargs && !bad; i++) bad = buf_str(&req, args[i]);
    bad = bad || buf_str(&req, count);
  } else {
    bad = buf_str(&req, "HPK1") || buf_str(&req, bundle) || buf_str(&req, stamp) || buf_str(&req, start) || buf_str(&req, cwd) || buf_str(&req, count);
  }
  for (char **e = environ; *e && !bad; e++) bad = buf_str(&req, *e);
  if (!bad && payload->len) bad = buf_add(&req, payload->data, payload->len);
  if (bad) goto fail;

  /* Send everything while reading the ack: the daemon acks before it has read it all. */
  double ack_deadline = now_ms() + ACK_MS;
  size_t sent = 0;
  buf_t reply = {0};
  char chunk[65536];
  for (;;) {
    short events = POLLIN;
    if (sent < req.len) events |= POLLOUT;
    int ready = wait_fd(fd, events, acked ? answer_deadline : ack_deadline);
    if (ready <= 0) goto hung;
    struct pollfd p = {fd, events, 0};
    poll(&p, 1, 0);
    if ((p.revents & POLLOUT) && sent < req.len) {
      ssize_t n = write(fd, req.data + sent, req.len - sent);
      if (n < 0 && errno != EAGAIN && errno != EINTR) goto fail;
      if (n > 0) sent += (size_t)n;
      if (sent == req.len) shutdown(fd, SHUT_WR);
    }
    if (p.revents & (POLLIN | POLLHUP | POLLERR)) {
      ssize_t n = read(fd, chunk, sizeof chunk);
      if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
      if (n <= 0) break;
      if (reply.len + (size_t)n > MAX_REPLY || buf_add(&reply, chunk, (size_t)n)) goto fail;
      acked = 1;
    }
  }
  close(fd);
  free(req.data);
  /* "A" (ack), then "HPK1\0<exit>\0<stamp>\0<block reason>\0<stdout>\0<stderr>\0": the last NUL says the
     answer is whole (a daemon killed while writing leaves it off). Anything else: fall back. */
  if (reply.len < 6 || reply.data[0] != 'A' || memcmp(reply.data + 1, "HPK1", 5) != 0) goto garbage;
  char *fields[6];
  char *at = reply.data + 1, *end = reply.data + reply.len;
  for (int i = 0; i < 6; i++) {
    fields[i] = at;
    char *nul = memchr(at, '\0', (size_t)(end - at));
    if (nul == NULL) goto garbage;
    at = nul + 1;
  }
  if (at != end) goto garbage;
  const char *exit_text = fields[1];
  if (strcmp(exit_text, "0") && strcmp(exit_text, "1") && strcmp(exit_text, "2")) goto garbage;
  if (strcmp(fields[2], stamp) != 0) goto garbage; /* the daemon ran another version of the bundle */
  *code = exit_text[0] - '0';
  const char *block_reason = fields[3], *out = fields[4], *err = fields[5];
  int delivered = 1;
  if (*out) {
    struct stat o, nul;
    /* A blocking answer nobody can read must still block (lib/runtime/undelivered.ts). */
    if (*block_reason && fstat(1, &o) == 0 && stat("/dev/null", &nul) == 0 && S_ISCHR(o.st_mode) && o.st_rdev == nul.st_rdev && o.st_ino == nul.st_ino) delivered = 0;
    if (delivered && write_all(1, out, strlen(out)) != 0) delivered = 0;
  }
  if (!delivered && *block_reason) {
    *code = 2;
    if (!*err) fprintf(stderr, "%s\n", block_reason);
  }
  if (*err) write_all(2, err, strlen(err));
  return 0;

hung:
  if (peer > 1 && (acked || stopped(peer))) kill(peer, SIGKILL);
fail:
  close(fd);
  free(req.data);
  return -1;
garbage:
  free(reply.data);
  return -1;
}

/* Whether the bytes read so far are one whole JSON object (then only whitespace), tracked as they come. */
typedef struct {
  int depth, in_string, escaped, opened, closed, other;
} json_scan_t;

static void json_scan(json_scan_t *s, const char *data, size_t len) {
  for (size_t i = 0; i < len; i++) {
    char c = data[i];
    if (s->in_string) {
      if (s->escaped) s->escaped = 0;
      else if (c == '\\') s->escaped = 1;
      else if (c == '"') s->in_string = 0;
      continue;
    }
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
    if (s->closed || (!s->opened && c != '{')) s->other = 1; /* not one object: read to EOF (or the budget) */
    s->opened = 1;
    if (c == '"') s->in_string = 1;
    else if (c == '{' || c == '[') s->depth++;
    else if ((c == '}' || c == ']') && --s->depth == 0) {
      if (c == '}') s->closed = 1;
      else s->other = 1;
    }
  }
}

static int json_complete(const json_scan_t *s) { return s->closed && !s->other && !s->in_string; }

/* Today's command, exec'd with the same payload on stdin: its answer is the answer. */
static int fallback(const char *bundle, char **args, int nargs, const buf_t *payload, double budget_deadline, int waited) {
  int pipes[2];
  if (pipe(pipes) != 0) return 127;
  if (payload->len > 16384) {
    /* More than a pipe surely holds: a child feeds it while node reads. */
    pid_t writer = fork();
    if (writer == 0) {
      close(pipes[0]);
      write_all(pipes[1], payload->data, payload->len);
      _exit(0);
    }
  } else if (payload->len) {
    write_all(pipes[1], payload->data, payload->len);
  }
  close(pipes[1]);
  dup2(pipes[0], 0);
  close(pipes[0]);
  unsetenv("NODE_EXTRA_CA_CERTS");
  if (waited) {
    /* Claude Code's timer started at our start: the bundle gets what is left of the budget. */
    double left = budget_deadline - now_ms();
    const char *had = getenv("HOOKPACK_DEADLINE_MS");
    double own = had ? atof(had) : 0;
    if (left < 100) left = 100;
    if (!(own > 0 && own < left)) {
      char text[32];
      snprintf(text, sizeof text, "%.0f", left);
      setenv("HOOKPACK_DEADLINE_MS", text, 1);
    }
  }
  char *argv[MAX_ARGS + 3] = {"node", (char *)bundle};
  for (int i = 0; i < nargs; i++) argv[2 + i] = args[i];
  argv[2 + nargs] = NULL;
  execvp("node", argv);
  fprintf(stderr, "hookpack: cannot start node for %s: %s\n", bundle, strerror(errno));
  return 127;
}

int main(int argc, char **argv) {
  start_ms = now_ms();
  signal(SIGPIPE, SIG_IGN);
  if (argc < 3 || argc > 3 + MAX_ARGS || argv[2][0] != '/') {
    fprintf(stderr, "hookpack-warm: usage: hookpack-warm <timeout seconds> <absolute path of the bundle> [<argument>...] (written by hookpack install --warm or hookpack adopt --warm)\n");
    return 127;
  }
  const char *bundle = argv[2];
  char **args = argv + 3;
  int nargs = argc - 3;
  double timeout_ms = atof(argv[1]) * 1000;
  if (!(timeout_ms > 0)) timeout_ms = 60000;
  /* lib/runtime/deadline.ts's margin: answer (or fall back) before Claude Code's timeout. */
  double margin = timeout_ms / 10;
  if (margin < 200) margin = 200;
  if (margin > 1000) margin = 1000;
  double budget_deadline = start_ms + timeout_ms - margin;

  buf_t payload = {0};
  char chunk[65536];
  json_scan_t scan = {0};
  int stdin_late = 0;
  for (;;) {
    /* As lib/runtime/stdin.ts reads: a stdin that goes quiet after one whole JSON object is done,
       even if it never closes (Claude Code #90585); one that stays open longer ends at the budget. */
    int wait = json_complete(&scan) ? 0 : (int)(budget_deadline - now_ms());
    struct pollfd p = {0, POLLIN, 0};
    int ready = wait < 0 ? 0 : poll(&p, 1, wait);
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) {
      stdin_late = !json_complete(&scan);
      break;
    }
    ssize_t n = read(0, chunk, sizeof chunk);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (n <= 0 || payload.len + (size_t)n > MAX_PAYLOAD || buf_add(&payload, chunk, (size_t)n)) break;
    json_scan(&scan, chunk, (size_t)n);
  }
  const char *off = getenv("HOOKPACK_DAEMON");
  int skip = stdin_late || (off && (!strcmp(off, "0") || !strcmp(off, "off") || !strcmp(off, "false") || !strcmp(off, "no")));
  /* A payload holding NUL is not JSON: the bundle says so, as it does today. */
  if (!skip && payload.len <= MAX_PAYLOAD && memchr(payload.data ? payload.data : "", '\0', payload.len) == NULL) {
    int code;
    /* The daemon answers a hook that missed its deadline at budget_deadline: half the margin more
       lets that answer arrive before the daemon is taken for hung. */
    if (via_daemon(bundle, args, nargs, &payload, budget_deadline + margin / 2, &code) == 0) return code;
  }
  /* Only a call that lost time waiting on the daemon shortens the bundle's deadline. */
  return fallback(bundle, args, nargs, &payload, budget_deadline, now_ms() - start_ms > 50);
}
