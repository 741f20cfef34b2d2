/*
** shared.h: what the unit tests share to read ../shared (seed.txt and the
** .txt files of corpus/, outside the repository, so possibly absent) and
** other files: read one whole, list a folder, say why a test is skipped.
** Included after cmocka.h; static inline, as each test is one file and
** few use it all. Paths are relative to the repository root.
*/
#ifndef LEDE_TESTS_SHARED_H
#define LEDE_TESTS_SHARED_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define SHARED_DIR "../shared"
#define SHARED_SEED SHARED_DIR "/seed.txt"
#define SHARED_CORPUS SHARED_DIR "/corpus"

/* The bytes of path, NUL-terminated so that a test may print them, and
** their count in *len; NULL (and 0) when path cannot be opened or
** measured. The caller frees it. */
static inline char *shared_slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  char *buf;
  long size;
  *len = 0;
  if (f == NULL) return NULL;
  if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 ||
      fseek(f, 0, SEEK_SET) != 0) {
    fclose(f);
    return NULL;
  }
  buf = malloc((size_t)size + 1);
  assert_non_null(buf);
  *len = fread(buf, 1, (size_t)size, f);
  buf[*len] = '\0';
  fclose(f);
  return buf;
}

static inline int shared_isdir(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Prints why a test is skipped: path is not found, and its folder is
** absent too when it is ("skipped: ../shared/seed.txt not found
** (../shared absent)"). The caller frees what it holds, then skip(). */
static inline void shared_missing(const char *path) {
  const char *slash = strrchr(path, '/');
  char dir[1024];
  snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) : 1,
           slash ? path : ".");
  if (shared_isdir(dir))
    print_message("skipped: %s not found\n", path);
  else
    print_message("skipped: %s not found (%s absent)\n", path, dir);
}

static inline int shared_bynamecmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The paths ("dir/name") of the files in dir whose names end in suffix
** after at least one other byte, sorted by name, in *files; their count.
** 0 and NULL when dir cannot be opened. Free them with shared_free. */
static inline size_t shared_list(const char *dir, const char *suffix,
                                 char ***files) {
  DIR *d = opendir(dir);
  struct dirent *e;
  char **v = NULL;
  size_t n = 0, s = strlen(suffix);
  *files = NULL;
  if (d == NULL) return 0;
  while ((e = readdir(d)) != NULL) {
    size_t k = strlen(e->d_name), size = strlen(dir) + k + 2;
    if (k <= s || strcmp(e->d_name + k - s, suffix) != 0) continue;
    v = realloc(v, (n + 1) * sizeof *v);
    assert_non_null(v);
    v[n] = malloc(size);
    assert_non_null(v[n]);
    snprintf(v[n], size, "%s/%s", dir, e->d_name);
    n++;
  }
  closedir(d);
  if (n > 0) qsort(v, n, sizeof *v, shared_bynamecmp);
  *files = v;
  return n;
}

static inline void shared_free(char **files, size_t n) {
  size_t i;
  for (i = 0; i < n; i++) free(files[i]);
  free(files);
}

/* The corpus articles (the .txt files of ../shared/corpus) as shared_list
** gives them.
** When the corpus is absent it says so and skips the calling test
** (cmocka's skip() does not return). */
static inline size_t shared_corpus(char ***files) {
  if (!shared_isdir(SHARED_CORPUS)) {
    print_message("skipped: " SHARED_CORPUS " absent\n");
    skip();
  }
  return shared_list(SHARED_CORPUS, ".txt", files);
}

#endif
