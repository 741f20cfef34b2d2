/*
** complete.c: Tab in the REPL. Works out what stands before the cursor (a
** ':' command or its argument, a file name inside a string, a global, a
** field after '.', a method after ':') and completes it as a shell does:
** the whole word when one fits, the common part when several share more
** than was typed, else a list of them. Values are looked up in the live
** state, so methods added to lede.Article show up by themselves.
*/
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <lua.h>
#include <lauxlib.h>

#include "cli/cli.h"
#include "cli/repl.h"

/* Candidates listed at most: past that, typing more beats reading. */
#define LIST_MAX 200

/* __index tables followed from a value (method tables of method tables):
** bounded, as a loop of metatables would never end. */
#define LOOKUP_DEPTH 8

/* Stack slot of the set of candidates inside candidates(). */
#define SET 2

static const char *const keywords[] = {
  "and", "break", "do", "else", "elseif", "end", "false", "for",
  "function", "goto", "if", "in", "local", "nil", "not", "or", "repeat",
  "return", "then", "true", "until", "while", NULL
};

/* Settings :set knows. */
static const char *const settings[] = {"depth", "items", "chars", "color", NULL};

/* Formats every lede has; lede.writers adds its own. */
static const char *const formats[] = {"json", "yaml", NULL};

static int isid(char c) {
  return isalnum((unsigned char)c) || c == '_';
}

static int prefixed(const char *s, size_t slen, const char *p, size_t plen) {
  return slen >= plen && memcmp(s, p, plen) == 0;
}

static int iskeyword(const char *s, size_t len) {
  const char *const *k;
  for (k = keywords; *k; k++)
    if (strlen(*k) == len && memcmp(*k, s, len) == 0)
      return 1;
  return 0;
}

/* A name Lua code can write after '.' or ':'. */
static int identifier(const char *s, size_t len) {
  size_t i;
  if (len == 0 || isdigit((unsigned char)s[0]) || iskeyword(s, len))
    return 0;
  for (i = 0; i < len; i++)
    if (!isid(s[i]))
      return 0;
  return 1;
}

/* Add head .. word .. suffix to the candidates. */
static void add(lua_State *L, const char *head, size_t hlen, const char *word,
                size_t wlen, const char *suffix) {
  lua_pushlstring(L, head, hlen);
  lua_pushlstring(L, word, wlen);
  lua_pushstring(L, suffix);
  lua_concat(L, 3);
  lua_pushboolean(L, 1);
  lua_rawset(L, SET);
}

/* Add each word of a NULL-ended list that starts with part. */
static void addlist(lua_State *L, const char *const *words, const char *part,
                    size_t plen, const char *suffix) {
  for (; *words; words++)
    if (prefixed(*words, strlen(*words), part, plen))
      add(L, "", 0, *words, strlen(*words), suffix);
}

static int callable(lua_State *L, int idx) {
  int yes;
  if (lua_isfunction(L, idx))
    return 1;
  yes = luaL_getmetafield(L, idx, "__call") != LUA_TNIL;
  if (yes)
    lua_pop(L, 1);
  return yes;
}

/*
** Add the names in the value at v that start with part: its string keys
** when a table, then those of its metatable's __index table, and so on
** (an article's methods live there, a string's in the string library).
** methods: only callable values, completed with "(".
*/
static void addkeys(lua_State *L, int v, const char *part, size_t plen,
                    int methods, int depth) {
  v = lua_absindex(L, v);
  if (lua_type(L, v) == LUA_TTABLE) {
    lua_pushnil(L);
    while (lua_next(L, v)) {
      size_t klen;
      const char *k = lua_type(L, -2) == LUA_TSTRING
                    ? lua_tolstring(L, -2, &klen) : NULL;
      if (k && identifier(k, klen) && prefixed(k, klen, part, plen)
          && (!methods || callable(L, -1)))
        add(L, "", 0, k, klen, methods ? "(" : "");
      lua_pop(L, 1);
    }
  }
  if (depth < LOOKUP_DEPTH && lua_getmetatable(L, v)) {
    lua_pushliteral(L, "__index");
    if (lua_rawget(L, -2) == LUA_TTABLE)
      addkeys(L, -1, part, plen, methods, depth + 1);
    lua_pop(L, 2);
  }
}

/* Files whose path starts with part; directories end with '/'. */
static void addfiles(lua_State *L, const char *part, size_t plen) {
  size_t dlen = plen;
  const char *base;
  DIR *dir;
  struct dirent *e;
  while (dlen > 0 && part[dlen - 1] != '/')
    dlen--;
  base = part + dlen;
  lua_pushlstring(L, part, dlen);  /* the directory, kept for stat */
  if ((dir = opendir(dlen ? lua_tostring(L, -1) : ".")) == NULL) {
    lua_pop(L, 1);
    return;
  }
  while ((e = readdir(dir)) != NULL) {
    struct stat st;
    size_t nlen = strlen(e->d_name);
    int isdir;
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0
        || (e->d_name[0] == '.' && base[0] != '.')
        || !prefixed(e->d_name, nlen, base, plen - dlen))
      continue;
    lua_pushvalue(L, -1);
    lua_pushstring(L, e->d_name);
    lua_concat(L, 2);
    isdir = stat(lua_tostring(L, -1), &st) == 0 && S_ISDIR(st.st_mode);
    lua_pop(L, 1);
    add(L, part, dlen, e->d_name, nlen, isdir ? "/" : "");
  }
  closedir(dir);
  lua_pop(L, 1);
}

/* Start of the chain of names and indices that ends at s[j]
** ("article.authors[1]" in "#article.authors[1]"). */
static size_t chainstart(const char *s, size_t j) {
  size_t k = j;
  for (;;) {
    if (k > 0 && s[k - 1] == ']') {
      int depth = 0;
      do {
        k--;
        depth += s[k] == ']' ? 1 : s[k] == '[' ? -1 : 0;
      } while (k > 0 && depth > 0);
      if (depth != 0)
        return j;
      continue;
    }
    if (k > 0 && isid(s[k - 1])) {
      while (k > 0 && isid(s[k - 1]))
        k--;
      if (k > 0 && s[k - 1] == '.') {
        k--;
        continue;
      }
    }
    break;
  }
  while (k < j && s[k] == '.')  /* the dots of a concatenation ".." */
    k++;
  return k;
}

/* Push the key of an index "[1]" or "['x']" at s[*i] and move past it. */
static int pushindex(lua_State *L, const char *s, size_t len, size_t *i) {
  size_t p = *i + 1, q;
  while (p < len && s[p] == ' ')
    p++;
  if (p < len && (s[p] == '"' || s[p] == '\'')) {
    for (q = p + 1; q < len && s[q] != s[p]; q++)
      ;
    if (q >= len)
      return 0;
    lua_pushlstring(L, s + p + 1, q - p - 1);
    p = q + 1;
  }
  else {
    char *end;
    long long n = strtoll(s + p, &end, 10);
    if (end == s + p)
      return 0;
    lua_pushinteger(L, (lua_Integer)n);
    p = (size_t)(end - s);
  }
  while (p < len && s[p] == ' ')
    p++;
  if (p >= len || s[p] != ']') {
    lua_pop(L, 1);
    return 0;
  }
  *i = p + 1;
  return 1;
}

/* Push the value the chain s[0..len) names, looked up in the globals;
** 0 and nothing when it is not a plain chain or leads to nil. Metamethods
** run, as reading the chain would (this runs under lua_pcall). */
static int resolve(lua_State *L, const char *s, size_t len) {
  size_t i = 0;
  if (len == 0 || !isid(s[0]) || isdigit((unsigned char)s[0]))
    return 0;
  while (i < len && isid(s[i]))
    i++;
  lua_pushglobaltable(L);
  lua_pushlstring(L, s, i);
  for (;;) {
    lua_gettable(L, -2);
    lua_remove(L, -2);
    if (lua_isnil(L, -1) || i >= len)
      break;
    if (s[i] == '.') {
      size_t j = ++i;
      while (i < len && isid(s[i]))
        i++;
      if (i == j)
        break;
      lua_pushlstring(L, s + j, i - j);
    }
    else if (s[i] != '[' || !pushindex(L, s, len, &i))
      break;
  }
  if (i < len || lua_isnil(L, -1)) {
    lua_pop(L, 1);
    return 0;
  }
  return 1;
}

/* Where the string open at the end of s starts (after its quote), -1
** when none is open, -2 inside a comment. */
static long openstring(const char *s, size_t len) {
  size_t i, start = 0;
  char q = 0;
  for (i = 0; i < len; i++) {
    if (q) {
      if (s[i] == '\\')
        i++;
      else if (s[i] == q)
        q = 0;
    }
    else if (s[i] == '"' || s[i] == '\'')
      q = s[i], start = i + 1;
    else if (s[i] == '-' && i + 1 < len && s[i + 1] == '-')
      return -2;
  }
  return q ? (long)start : -1;
}

/* Candidates for Lua code s; returns how many bytes at its end they
** replace. */
static size_t luacode(lua_State *L, const char *s, size_t len) {
  long str = openstring(s, len);
  size_t i = len, plen;
  char sep;
  if (str == -2)
    return 0;
  if (str >= 0) {  /* lede.load("tests/fi */
    addfiles(L, s + str, len - (size_t)str);
    return len - (size_t)str;
  }
  while (i > 0 && isid(s[i - 1]))
    i--;
  plen = len - i;
  if (plen > 0 && isdigit((unsigned char)s[i]))
    return 0;  /* a number */
  sep = i > 0 ? s[i - 1] : '\0';
  if ((sep == '.' && !(i >= 2 && s[i - 2] == '.')) || sep == ':') {
    size_t k = chainstart(s, i - 1);
    if (k < i - 1 && resolve(L, s + k, i - 1 - k))
      addkeys(L, -1, s + i, plen, sep == ':', 0);
    return plen;
  }
  lua_pushglobaltable(L);
  addkeys(L, -1, s + i, plen, 0, 0);
  lua_pop(L, 1);
  addlist(L, keywords, s + i, plen, "");
  return plen;
}

/* :help topics: each entry's key and its last part ("lede.parse",
** "parse"). */
static void addtopics(lua_State *L, const char *part, size_t plen) {
  lua_Integer g, i;
  lede_repl_pushhelp(L);
  for (g = 1; lua_rawgeti(L, -1, g) == LUA_TTABLE; g++) {
    for (i = 1; lua_rawgeti(L, -1, i) == LUA_TTABLE; i++) {
      const char *name, *last;
      size_t klen;
      lua_rawgeti(L, -1, 1);
      name = lua_tostring(L, -1);
      klen = name ? strcspn(name, "( ") : 0;
      for (last = name + klen; last > name && last[-1] != '.' && last[-1] != ':';)
        last--;
      if (name && prefixed(name, klen, part, plen))
        add(L, "", 0, name, klen, "");
      if (name && last > name && prefixed(last, klen - (size_t)(last - name), part, plen))
        add(L, "", 0, last, klen - (size_t)(last - name), "");
      lua_pop(L, 2);
    }
    lua_pop(L, 2);
  }
  lua_pop(L, 2);
}

static void addformats(lua_State *L, const char *part, size_t plen) {
  addlist(L, formats, part, plen, "");
  lede_cli_pushmodule(L);
  if (lua_istable(L, -1) && lua_getfield(L, -1, "writers") == LUA_TTABLE)
    addkeys(L, -1, part, plen, 0, LOOKUP_DEPTH);
  lua_pop(L, 2);
}

/* Candidates for the argument text s of a command c (after its name). */
static size_t argument(lua_State *L, const lede_repl_command *c,
                       const char *s, size_t len) {
  size_t p = 0, start;
  int n = 0;
  char q;
  if (c->args[0] == LEDE_ARG_LUA) {
    p = strspn(s, " \t");
    return luacode(L, s + p, len - p);
  }
  for (;;) {  /* find the word the cursor is in, and its number */
    while (p < len && (s[p] == ' ' || s[p] == '\t'))
      p++;
    start = p;
    q = p < len && (s[p] == '"' || s[p] == '\'') ? s[p++] : 0;
    while (p < len && (q ? s[p] != q : s[p] != ' ' && s[p] != '\t'))
      p++;
    if (q && p < len)
      p++;
    if (p >= len)
      break;
    n++;
  }
  if (q)
    start++;
  if (n > 1)
    return 0;
  switch (c->args[n]) {
    case LEDE_ARG_HELP: addtopics(L, s + start, len - start); break;
    case LEDE_ARG_FILE: addfiles(L, s + start, len - start); break;
    case LEDE_ARG_FORMAT: addformats(L, s + start, len - start); break;
    case LEDE_ARG_SETTING: addlist(L, settings, s + start, len - start, " "); break;
    default: return 0;
  }
  return len - start;
}

/* Candidates for a line starting with ':'; s is after the colon. */
static size_t command(lua_State *L, const char *s, size_t len) {
  const lede_repl_command *c;
  size_t n = 0;
  while (n < len && isalpha((unsigned char)s[n]))
    n++;
  if (n == len) {
    for (c = lede_repl_commands; c->name; c++)
      if (prefixed(c->name, strlen(c->name), s, n))
        add(L, "", 0, c->name, strlen(c->name),
            c->args[0] == LEDE_ARG_NONE ? "" : " ");
    return n;
  }
  if ((c = lede_repl_findcommand(s, n)) == NULL)
    return 0;
  return argument(L, c, s + n, len - n);
}

static int compare(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* candidates(text): the sorted completions of text (the line up to the
** cursor) and how many bytes at its end they replace. */
static int candidates(lua_State *L) {
  size_t len, n = 0, i, replace;
  const char *s = luaL_checklstring(L, 1, &len), *p;
  const char **words;
  lua_newtable(L);  /* SET: candidate -> true */
  p = s + strspn(s, " \t");
  if (lede_repl_iscommand(p))
    replace = command(L, p + 1, len - (size_t)(p + 1 - s));
  else
    replace = luacode(L, s, len);
  lua_pushnil(L);
  while (lua_next(L, SET))
    lua_pop(L, 1), n++;
  words = lua_newuserdatauv(L, (n ? n : 1) * sizeof *words, 0);
  n = 0;
  lua_pushnil(L);
  while (lua_next(L, SET))
    lua_pop(L, 1), words[n++] = lua_tostring(L, -1);
  qsort(words, n, sizeof *words, compare);
  lua_createtable(L, (int)n, 0);
  for (i = 0; i < n; i++) {
    lua_pushstring(L, words[i]);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  lua_pushinteger(L, (lua_Integer)replace);
  return 2;
}

/* What a list shows of a candidate: a file's last part, no spaces. */
static void shown(const char *c, const char **start, int *len) {
  size_t n = strlen(c), s;
  while (n > 0 && c[n - 1] == ' ')
    n--;
  s = n > 0 && c[n - 1] == '/' ? n - 1 : n;
  while (s > 0 && c[s - 1] != '/')
    s--;
  *start = c + s;
  *len = (int)(n - s);
}

/* Print the candidates (array at idx, n of them) in columns, as ls. */
static void list(EditLine *el, lua_State *L, int idx, size_t n) {
  size_t i, rows, cols, shownn = n < LIST_MAX ? n : LIST_MAX, row, col;
  int width = 0, widest = 0;
  if (el_get(el, EL_GETTC, "co", &width, (void *)NULL) != 0 || width <= 0)
    width = 80;
  for (i = 1; i <= shownn; i++) {
    const char *s;
    int len;
    lua_rawgeti(L, idx, (lua_Integer)i);
    shown(lua_tostring(L, -1), &s, &len);
    widest = len > widest ? len : widest;
    lua_pop(L, 1);
  }
  cols = (size_t)(width / (widest + 2));
  cols = cols ? cols : 1;
  rows = (shownn + cols - 1) / cols;
  fputs("\n", stdout);
  for (row = 0; row < rows; row++) {
    for (col = 0; col < cols && col * rows + row < shownn; col++) {
      const char *s;
      int len;
      lua_rawgeti(L, idx, (lua_Integer)(col * rows + row + 1));
      shown(lua_tostring(L, -1), &s, &len);
      printf("%-*.*s", col + 1 < cols ? widest + 2 : len, len, s);
      lua_pop(L, 1);
    }
    fputs("\n", stdout);
  }
  if (n > shownn)
    printf("... %zu more\n", n - shownn);
  fflush(stdout);
}

/* Insert what the candidates (array at -2; -1: bytes they replace)
** agree on, or list them. */
static unsigned char apply(EditLine *el, lua_State *L) {
  size_t n = lua_rawlen(L, -2), replace = (size_t)lua_tointeger(L, -1);
  size_t i, common;
  const char *first;
  int arr = lua_gettop(L) - 1;
  if (n == 0)
    return CC_ERROR;
  lua_rawgeti(L, arr, 1);
  first = lua_tostring(L, -1);
  common = strlen(first);
  for (i = 2; i <= n; i++) {
    size_t j = 0;
    const char *s;
    lua_rawgeti(L, arr, (lua_Integer)i);
    s = lua_tostring(L, -1);
    while (j < common && s[j] == first[j])
      j++;
    common = j;
    lua_pop(L, 1);
  }
  if (common > replace) {
    lua_pushlstring(L, first + replace, common - replace);
    el_insertstr(el, lua_tostring(L, -1));
    return CC_REFRESH;
  }
  if (n == 1)
    return CC_NORM;  /* already complete */
  list(el, L, arr, n);
  return CC_REDISPLAY;
}

unsigned char lede_repl_complete(EditLine *el, int ch) {
  const LineInfo *li = el_line(el);
  lede_repl *r;
  lua_State *L;
  unsigned char result = CC_ERROR;
  int top;
  (void)ch;
  el_get(el, EL_CLIENTDATA, &r);
  L = r->L;
  top = lua_gettop(L);
  lua_pushcfunction(L, candidates);
  lua_pushlstring(L, li->buffer, (size_t)(li->cursor - li->buffer));
  if (lua_pcall(L, 1, 2, 0) == LUA_OK)
    result = apply(el, L);
  lua_settop(L, top);
  return result;
}
