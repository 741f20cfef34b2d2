-- lede.help: the API reference that the REPL's :help shows, compiled into
-- lede at build time like every script here. A list of groups, each with
-- a title and its entries { name, brief [, text] }: name is the call as
-- written ("article:quotes([opts])"), brief one line for the overview,
-- text the details, lines of at most 72 columns. Keep it true to README.md.

return {
  { title = "The article (article.FIELD)",
    { "article", "the parsed article: a table of plain data",
      [[
Fields: title, subtitle (strings or nil), authors ({name=, bio=,
links=}), images ({caption=, credit=, line=, from=, to=}), paragraphs
(body only: {text=, index=, line=, from=, to=}), blocks (every block in
source order: {kind=, text=, line=, from=, to=}), boilerplate (texts
set aside), source (the input, byte for byte), path, warning.
from and to are 1-based and inclusive:
  article.source:sub(b.from, b.to)   -- the raw bytes of block b]] },
    { "blocks", "article.blocks and their kinds",
      [[
article.blocks[i].kind is one of: title, subtitle, image (caption, with
credit=), paragraph, byline, bio, boilerplate.
  for _, b in ipairs(article.blocks) do print(b.line, b.kind) end]] },
  },
  { title = "Article methods (article:NAME(...))",
    { "article:text()", "the body paragraphs joined by blank lines" },
    { "article:stats()", "{words=, paragraphs=, characters=, minutes=}",
      [[
minutes: reading time at 230 words a minute, rounded up.
  article:stats().words]] },
    { "article:sentences()", "the body's sentences",
      [[
Each: {text=, from=, to=, index=, paragraph=}. Knows abbreviations and titles (Maj. Gen., U.S., No. 2), initials,
decimals, ellipses and end punctuation inside closing quotes.
  #article:sentences()]] },
    { "article:words()", "the body's words",
      [[
Each: {text=, from=, to=, norm=, stem=, sentence=}; norm is case-folded and NFKC-normalised, stem the English Snowball stem;
"U.S.-led", "al-Abadi" and "weren't" are one word each.]] },
    { "article:find(q [, opts])", "phrase search over the body",
      [[
Ignores case and accents, and any whitespace run matches any other;
opts.case, opts.accents and opts.whole_words tighten it, opts.pattern =
true reads q as a Lua pattern. Each hit: {text=, from=, to=, sentence=,
paragraph=, context=} (context: the sentence around it).
  #article:find("foreign fighters")]] },
    { "article:quotes([opts])", "direct quotations and who said them",
      [[
Each: {text=, from=, to=, partial=, verb=, cue=, speaker=,
speaker_from=, speaker_to=, paragraph=}. cue is who, as written ("he");
speaker the person's canonical name (a surname or pronoun resolved), or
nil; partial is true for a fragment inside a sentence. opts.speaker
keeps the quotes of one person (a name or an alias, any case).
  for _, q in ipairs(article:quotes()) do print(q.speaker, q.text) end]] },
    { "article:entities([kind] [, opts])", "people, places and organisations",
      [[
Each: {name=, kind=, aliases={...}, roles={...}, mentions={ {text=,
from=, to=, paragraph=}, ... }}, in order of first mention; kind is
"person", "place" or "organization" and filters when given. Mentions of
one entity are merged (Jones, Rupert Jones); titles go to roles (Maj.
Gen.). The body only, unless opts.all = true.
  article:entities("person")]] },
    { "article:numbers()", "counts, ranges, years, percentages, money",
      [[
Each: {text=, kind=, value=, min=, max=, approximate=, unit=, sentence=,
paragraph=, from=, to=}; kind is cardinal, ordinal, year, percent or
money; a range has min < max; unit is the counted noun ("fighters"), the
period of a rate ("month") or a currency code ("USD").]] },
    { "article:keywords([n])", "the top n terms (default 10), {term=, score=}" },
    { "article:summary([opts])", "the central sentences, in article order",
      [[
Sentence tables as article:sentences() gives them. opts.sentences
(default 3), opts.words (a word budget), opts.ratio (a share of the
sentences); the tightest wins. opts.text = true gives one string.
  article:summary({text = true})]] },
    { "article:to(format [, opts])", "the article as markdown, html, text, json, yaml",
      [[
The writer lede.writers[format]; lede -t FORMAT does the same. html:
opts.annotate marks quotations, people, places, organisations and
numbers; text: opts.width (default 72). json and yaml leave out source.
  print(article:to("markdown"))]] },
  },
  { title = "The module (lede.NAME)",
    { "lede.load(path [, opts])", "parse a file: an article, or nil, message",
      [[
The same as lede.parse on the file's bytes, with article.path set; a
file that cannot be read gives nil, "PATH: reason".]] },
    { "lede.parse(text [, opts])", "parse a string: an article, or nil, message",
      [[
opts.path, opts.max_input (bytes), opts.format ("text", "json", "yaml",
"markdown"; else the extension or the content says); an unknown option
raises. Bad data ("empty article", "not text (binary data at byte N)")
gives nil, the message and a 1-based position.]] },
    { "lede.text.sentences(s)", "the sentence splitter on any string" },
    { "lede.text.words(s)", "the word splitter on any string" },
    { "lede.text.clean(s [, keep_edges])", "whitespace runs as one space, ends trimmed",
      [[
Bad UTF-8 becomes U+FFFD; the text of every item is this of its bytes.]] },
    { "lede.text.width(s)", "the columns s takes in a terminal" },
    { "lede.inspect(v [, opts])", "a readable, cycle-safe rendering of any value",
      [[
opts.depth (levels, default 6), opts.items (entries per table, default
50), opts.chars (characters per string), opts.color (ANSI colours).
The REPL shows every value this way; :set changes its limits.]] },
    { "lede.json", "lede.json.encode(v), lede.json.decode(s): JSON",
      [[
Through lua-cjson; decode gives nil, message on bad input.]] },
    { "lede.yaml", "lede.yaml.dump(v), lede.yaml.load(s): YAML",
      [[
Through libyaml; load gives nil, message with line and column on bad
input, and refuses aliases.]] },
    { "lede.writers", "the writers by format name (lede -t, :save)" },
    { "lede.Article", "the method table of articles: add methods here",
      [[
  function lede.Article.shout(a) return a.title:upper() end
  article:shout()]] },
    { "lede.version", "the version string" },
  },
  { title = "REPL commands (Tab completes them and their arguments)",
    { ":help [name]", "this reference, or one entry (:help quotes)" },
    { ":open FILE", "load FILE and bind it to article",
      [[
:open N binds the Nth article of :articles again.]] },
    { ":articles", "the articles loaded; * marks the bound one" },
    { ":save FILE [FORMAT]", "write the article to FILE",
      [[
FORMAT: json, yaml or any lede.writers name; without it, the extension
says (.json, .yaml, .yml, .md, .html, .txt). The file is written
atomically (a temporary file, then rename).]] },
    { ":reload", "read the bound article's file again" },
    { ":time EXPR", "run EXPR, show its values and the time taken" },
    { ":set [NAME VALUE]", "show or change how values are shown",
      [[
:set depth N   table levels shown
:set items N   entries shown per table, then "... N more"
:set chars N   characters shown per string, then "... N more"
:set color on|off]] },
    { ":quit", "leave (as Ctrl-D does)" },
  },
}
