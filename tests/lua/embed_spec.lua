-- embed_spec.lua: scripts/tools/embed.lua keeps every byte of a file and
-- names modules as require does. Compiles its output with the system cc.
-- Run: LUA_CPATH="build/?.so;;" lua5.4 /usr/bin/busted tests/lua

local function write(path, bytes)
  local f = assert(io.open(path, "wb"))
  f:write(bytes)
  f:close()
end

local function read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

-- A C program that writes each embedded entry as name, length, bytes.
local DUMP_C = [[
#include <stdio.h>
#include "lua/embedded.h"
int main(void)
{
  for (const lede_embedded_file *e = lede_embedded; e->name; e++) {
    printf("%s %zu\n", e->name, e->length);
    fwrite(e->source, 1, e->length + 1, stdout);  /* the NUL too */
  }
  return 0;
}
]]

describe("embed.lua", function()
  local dir = os.tmpname()
  os.remove(dir)
  assert(os.execute("mkdir -p " .. dir .. "/scripts/lede " .. dir .. "/scripts/writers"))

  local every_byte = {}
  for b = 0, 255 do every_byte[#every_byte + 1] = string.char(b) end
  -- Trigraphs, digits after a byte escaped in octal, a line that is long.
  local tricky = table.concat(every_byte) .. "??=??/\0001\n" .. ("x"):rep(5000)
  local files = {
    {dir .. "/scripts/lede/bytes.lua", "lede.bytes", tricky},
    {dir .. "/scripts/writers/html.lua", "lede.writers.html", "return {}\n"},
    {dir .. "/scripts/lede/empty.lua", "lede.empty", ""},
  }

  it("keeps every byte and names each module", function()
    local paths = {}
    for i, f in ipairs(files) do
      write(f[1], f[3])
      paths[i] = f[1]
    end
    write(dir .. "/main.c", DUMP_C)
    -- env -u: under the sanitizer run, cc must not inherit libasan.
    local cmd = ("env -u LD_PRELOAD sh -c 'lua5.4 scripts/tools/embed.lua %s > %s/embedded.c && "
      .. "cc -std=c11 -Wall -Wextra -Wpedantic -Werror -Wno-overlength-strings "
      .. "-Icore -o %s/dump %s/main.c %s/embedded.c && %s/dump > %s/out'")
      :format(table.concat(paths, " "), dir, dir, dir, dir, dir, dir)
    assert.is_true(os.execute(cmd))
    local expected = {}
    for _, f in ipairs(files) do
      expected[#expected + 1] = ("%s %d\n%s\0"):format(f[2], #f[3], f[3])
    end
    assert.equal(table.concat(expected), read(dir .. "/out"))
  end)

  it("refuses a file outside scripts/", function()
    write(dir .. "/stray.lua", "")
    local ok = os.execute("lua5.4 scripts/tools/embed.lua " .. dir
                          .. "/stray.lua > /dev/null 2>&1")
    assert.is_falsy(ok)
  end)

  teardown(function() os.execute("rm -rf " .. dir) end)
end)
