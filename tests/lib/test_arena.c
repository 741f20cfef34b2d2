/*
** test_arena.c: core/lib/arena.c. Many small allocations, alignment,
** copies, allocations larger than a chunk, overflow, free and reuse.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdalign.h>
#include <string.h>

#include "lib/arena.h"

#define MANY 20000

static int aligned(const void *p) {
  return (uintptr_t)p % alignof(max_align_t) == 0;
}

/* Every allocation is aligned and keeps its bytes while others follow. */
static void test_many(void **state) {
  static unsigned char *ptrs[MANY];
  static size_t sizes[MANY];
  lede_arena ar = {NULL};
  size_t i, k, bad = 0;
  (void)state;
  for (i = 0; i < MANY; i++) {
    sizes[i] = 1 + (i * 7919) % 300;  /* 1 to 300 bytes, varied */
    ptrs[i] = lede_arena_alloc(&ar, sizes[i]);
    assert_non_null(ptrs[i]);
    if (!aligned(ptrs[i])) {
      print_message("allocation %zu of %zu bytes is misaligned\n", i,
                    sizes[i]);
      bad++;
    }
    memset(ptrs[i], (int)(i & 0xFF), sizes[i]);
  }
  for (i = 0; i < MANY; i++)
    for (k = 0; k < sizes[i]; k++)
      if (ptrs[i][k] != (unsigned char)(i & 0xFF)) {
        print_message("allocation %zu was overwritten at byte %zu\n", i, k);
        bad++;
        break;
      }
  assert_int_equal(bad, 0);
  lede_arena_free(&ar);
  assert_null(ar.head);
}

typedef struct {
  size_t size;
} sizerow;

/* Sizes around the alignment and the 64 KiB chunk, and far beyond it. */
static const sizerow size_rows[] = {
  {1}, {7}, {8}, {15}, {16}, {17}, {4095}, {65535}, {65536}, {65537},
  {1u << 20}, {10u << 20},
};

static void test_sizes(void **state) {
  lede_arena ar = {NULL};
  size_t r;
  (void)state;
  for (r = 0; r < sizeof size_rows / sizeof size_rows[0]; r++) {
    size_t n = size_rows[r].size;
    unsigned char *small, *p = lede_arena_alloc(&ar, n);
    assert_non_null(p);
    assert_true(aligned(p));
    memset(p, 0xAB, n);
    /* The arena keeps serving small requests after a big one. */
    small = lede_arena_alloc(&ar, 24);
    assert_non_null(small);
    assert_true(aligned(small));
    memset(small, 0xCD, 24);
    assert_true(small + 24 <= p || small >= p + n);
    assert_int_equal(p[0], 0xAB);
    assert_int_equal(p[n - 1], 0xAB);
  }
  lede_arena_free(&ar);
}

static void test_overflow(void **state) {
  lede_arena ar = {NULL};
  (void)state;
  assert_null(lede_arena_alloc(&ar, SIZE_MAX));
  assert_null(lede_arena_alloc(&ar, SIZE_MAX - 1));
  assert_null(lede_arena_alloc(&ar, SIZE_MAX - alignof(max_align_t) + 1));
  /* Still usable afterwards. */
  assert_non_null(lede_arena_alloc(&ar, 10));
  lede_arena_free(&ar);
}

typedef struct {
  const char *s;
  size_t n;
  const char *want;
  size_t wantlen;
} duprow;

static const duprow dup_rows[] = {
  {"hello", 5, "hello", 5},
  {"hello", 3, "hel", 3},
  {"hello", 0, "", 0},
  {"", 0, "", 0},
  {"a\0b", 3, "a\0b", 3},  /* n bytes are copied, NULs and all */
  {"Ortega-R\xc3\xad" "os", 11, "Ortega-R\xc3\xad" "os", 11},
};

static void test_strndup(void **state) {
  lede_arena ar = {NULL};
  size_t r;
  (void)state;
  for (r = 0; r < sizeof dup_rows / sizeof dup_rows[0]; r++) {
    const duprow *w = &dup_rows[r];
    char *p = lede_arena_strndup(&ar, w->s, w->n);
    assert_non_null(p);
    assert_true(p != w->s);
    assert_memory_equal(p, w->want, w->wantlen);
    assert_int_equal(p[w->wantlen], '\0');
  }
  lede_arena_free(&ar);
}

/* lede_arena_free releases everything; the arena works again after it,
** and freeing an empty arena, or twice, does nothing. */
static void test_free_and_reuse(void **state) {
  lede_arena ar = {NULL};
  int round;
  char *p;
  (void)state;
  lede_arena_free(&ar);
  assert_null(ar.head);
  for (round = 0; round < 3; round++) {
    size_t i;
    for (i = 0; i < 1000; i++) assert_non_null(lede_arena_alloc(&ar, 200));
    p = lede_arena_strndup(&ar, "reused", 6);
    assert_string_equal(p, "reused");
    assert_non_null(lede_arena_alloc(&ar, 1u << 20));
    lede_arena_free(&ar);
    assert_null(ar.head);
  }
  lede_arena_free(&ar);
  assert_null(ar.head);
}

int main(void) {
  static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_many),
    cmocka_unit_test(test_sizes),
    cmocka_unit_test(test_overflow),
    cmocka_unit_test(test_strndup),
    cmocka_unit_test(test_free_and_reuse),
  };
  return cmocka_run_group_tests_name("arena", tests, NULL, NULL);
}
