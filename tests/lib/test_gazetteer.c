/*
** test_gazetteer.c: core/lib/gazetteer.c. Exact answers from the lists in
** data/gazetteer/ (places, given names, organisations, stopwords), the
** rules of data/README.md that keep words and names out of the cities,
** and look-ups bounded by length on text that is not NUL-terminated.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "lib/gazetteer.h"

typedef struct {
  const char *s;
  lede_gaz_place_kind kind;  /* expected lede_gaz_place */
} placerow;

static const placerow place_rows[] = {
  {"Iraq", LEDE_GAZ_COUNTRY},
  {"Syria", LEDE_GAZ_COUNTRY},                /* common_name */
  {"Syrian Arab Republic", LEDE_GAZ_COUNTRY}, /* name */
  {"Iran", LEDE_GAZ_COUNTRY},                 /* "Iran, Islamic Republic of" */
  {"South Korea", LEDE_GAZ_COUNTRY},
  {"United States of America", LEDE_GAZ_COUNTRY},
  {"Falkland Islands", LEDE_GAZ_COUNTRY},     /* "(Malvinas)" dropped */
  {"Côte d'Ivoire", LEDE_GAZ_COUNTRY},
  {"Cote d'Ivoire", LEDE_GAZ_COUNTRY},        /* folded */
  {"Côte d\xE2\x80\x99Ivoire", LEDE_GAZ_COUNTRY}, /* typographic ' */
  {"Georgia", LEDE_GAZ_COUNTRY},              /* country before US state */
  {"Anbar", LEDE_GAZ_REGION},                 /* "Al Anbār", article off */
  {"Al Anbar", LEDE_GAZ_REGION},
  {"Al Anbār", LEDE_GAZ_REGION},
  {"Texas", LEDE_GAZ_REGION},
  {"Virginia", LEDE_GAZ_REGION},
  {"Victoria", LEDE_GAZ_REGION},              /* the city is a given name */
  {"Raqqa", LEDE_GAZ_CITY},                   /* city before governorate */
  {"Ar Raqqah", LEDE_GAZ_CITY},
  {"Mosul", LEDE_GAZ_CITY},
  {"Tal Afar", LEDE_GAZ_CITY},                /* "Tall ‘Afar", no population */
  {"Hīt", LEDE_GAZ_CITY},
  {"Fallujah", LEDE_GAZ_CITY},
  {"Falluja", LEDE_GAZ_CITY},
  {"Baghdad", LEDE_GAZ_CITY},
  {"Paris", LEDE_GAZ_CITY},                   /* given name, but large */
  {"Austin", LEDE_GAZ_CITY},
  {"Shanghai", LEDE_GAZ_CITY},                /* a word, but large */
  {"Wellington", LEDE_GAZ_CITY},              /* a word, but a capital */
  {"San Sebastián", LEDE_GAZ_CITY},           /* "Donostia / San Sebastián" */
  {"Bienne", LEDE_GAZ_CITY},                  /* "Biel/Bienne" */
  {"Reading", LEDE_GAZ_NONE},                 /* a word */
  {"Mobile", LEDE_GAZ_NONE},
  {"Bath", LEDE_GAZ_NONE},
  {"Nice", LEDE_GAZ_NONE},
  {"Hit", LEDE_GAZ_NONE},
  {"Madison", LEDE_GAZ_NONE},                 /* a given name */
  {"Heet", LEDE_GAZ_NONE},                    /* not a GeoNames spelling */
  {"iraq", LEDE_GAZ_NONE},                    /* case as written */
  {"IRAQ", LEDE_GAZ_NONE},
  {"Iraqi", LEDE_GAZ_NONE},
  {"Narnia", LEDE_GAZ_NONE},
  {"", LEDE_GAZ_NONE},
};

static void test_places(void **state) {
  size_t r;
  int fails = 0;
  (void)state;
  for (r = 0; r < sizeof place_rows / sizeof place_rows[0]; r++) {
    const placerow *w = &place_rows[r];
    lede_gaz_place_kind k = lede_gaz_place(w->s, strlen(w->s));
    if (k != w->kind) {
      print_message("row %zu: %s: kind %d, want %d\n", r, w->s, (int)k,
                    (int)w->kind);
      fails++;
    }
  }
  assert_int_equal(fails, 0);
}

typedef struct {
  const char *s;
  int sex;  /* expected lede_gaz_given_name */
} namerow;

static const namerow name_rows[] = {
  {"Natalie", 'f'},
  {"Rupert", 'm'},
  {"Jordan", 'u'},   /* 135,084 f, 398,415 m: neither has 90% */
  {"Mary", 'f'},
  {"John", 'm'},
  {"Madison", 'f'},
  {"natalie", 0},    /* case as written */
  {"NATALIE", 0},
  {"Natalie Jones", 0},
  {"Zzyzx", 0},
  {"", 0},
};

static void test_given_names(void **state) {
  size_t r;
  int fails = 0;
  (void)state;
  for (r = 0; r < sizeof name_rows / sizeof name_rows[0]; r++) {
    const namerow *w = &name_rows[r];
    int sex = lede_gaz_given_name(w->s, strlen(w->s));
    if (sex != w->sex) {
      print_message("row %zu: %s: %d, want %d\n", r, w->s, sex, w->sex);
      fails++;
    }
  }
  assert_int_equal(fails, 0);
}

typedef struct {
  const char *s;
  int org;   /* expected lede_gaz_organization */
  int stop;  /* expected lede_gaz_stopword */
} wordrow;

static const wordrow word_rows[] = {
  {"United Nations", 1, 0},
  {"Pentagon", 1, 0},
  {"Reuters", 1, 0},
  {"NATO", 1, 0},
  {"FBI", 1, 0},
  {"Médecins Sans Frontières", 1, 0},
  {"pentagon", 0, 0},
  {"the", 0, 1},
  {"The", 0, 1},     /* stopwords ignore ASCII case */
  {"THE", 0, 1},
  {"said", 0, 1},
  {"don't", 0, 1},
  {"don\xE2\x80\x99t", 0, 1},
  {"i.e.", 0, 0},    /* left out of the list: not letters */
  {"Iraq", 0, 0},
  {"thee", 0, 0},
  {"", 0, 0},
};

static void test_words(void **state) {
  size_t r;
  int fails = 0;
  (void)state;
  for (r = 0; r < sizeof word_rows / sizeof word_rows[0]; r++) {
    const wordrow *w = &word_rows[r];
    size_t n = strlen(w->s);
    int org = lede_gaz_organization(w->s, n) != 0;
    int stop = lede_gaz_stopword(w->s, n) != 0;
    if (org != w->org || stop != w->stop) {
      print_message("row %zu: %s: org %d stop %d, want %d %d\n", r, w->s,
                    org, stop, w->org, w->stop);
      fails++;
    }
  }
  assert_int_equal(fails, 0);
}

/* Look-ups read len bytes and no more: a name inside running text, a
** buffer with no NUL, a prefix that is a name of its own. */
static void test_bounded(void **state) {
  static const char text[] = "in Mosul, Natalie said the UN";
  char raw[4];
  (void)state;
  assert_int_equal(lede_gaz_place(text + 3, 5), LEDE_GAZ_CITY);
  assert_int_equal(lede_gaz_place(text + 3, 6), LEDE_GAZ_NONE);
  assert_int_equal(lede_gaz_given_name(text + 10, 7), 'f');
  assert_int_equal(lede_gaz_stopword(text + 0, 2), 1);
  assert_int_equal(lede_gaz_stopword(text + 23, 3), 1);
  assert_int_equal(lede_gaz_stopword(text + 18, 3), 0);  /* "sai" */
  assert_int_equal(lede_gaz_organization(text + 27, 2), 1);
  memcpy(raw, "Iraq", 4);  /* no NUL */
  assert_int_equal(lede_gaz_place(raw, 4), LEDE_GAZ_COUNTRY);
  assert_int_equal(lede_gaz_place(raw, 3), LEDE_GAZ_NONE);
  assert_int_equal(lede_gaz_place(NULL, 0), LEDE_GAZ_NONE);
  assert_int_equal(lede_gaz_given_name(NULL, 0), 0);
  assert_int_equal(lede_gaz_organization(NULL, 0), 0);
  assert_int_equal(lede_gaz_stopword(NULL, 0), 0);
}

/* Longer than any key: refused without reading past len into a buffer. */
static void test_long_input(void **state) {
  static char big[600];
  (void)state;
  memset(big, 'a', sizeof big);
  assert_int_equal(lede_gaz_place(big, sizeof big), LEDE_GAZ_NONE);
  assert_int_equal(lede_gaz_stopword(big, sizeof big), 0);
  assert_int_equal(lede_gaz_find(&lede_gaz_stopwords, big, sizeof big), 0);
}

/* The generator and the C side hash alike: the FNV-1a test vectors. */
static void test_hash(void **state) {
  (void)state;
  assert_int_equal(lede_gaz_hash("", 0), 0x811c9dc5u);
  assert_int_equal(lede_gaz_hash("a", 1), 0xe40c292cu);
  assert_int_equal(lede_gaz_hash("foobar", 6), 0xbf9cf968u);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_places),
    cmocka_unit_test(test_given_names),
    cmocka_unit_test(test_words),
    cmocka_unit_test(test_bounded),
    cmocka_unit_test(test_long_input),
    cmocka_unit_test(test_hash),
  };
  return cmocka_run_group_tests_name("gazetteer", tests, NULL, NULL);
}
