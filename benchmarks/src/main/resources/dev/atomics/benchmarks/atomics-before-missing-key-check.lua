-- atomics-redis: one read-modify-write operation on the atomic stored at KEYS[1]. Redis runs a script alone,
-- so each call is atomic; the stored value is validated before anything is written, so an error reply means
-- that nothing changed.
--
-- ARGV[1] kind: 'i' (signed int), 'u' (unsigned int) or 'b' (bytes); ARGV[2] width in bytes (1, 2, 4, 8);
-- ARGV[3] operation; ARGV[4], ARGV[5] the operand's raw bits (high and low 32 bits, in decimal), or the bit
-- offset in ARGV[4]; a compare-and-exchange has the expected bits in ARGV[4], ARGV[5], the desired in ARGV[6], ARGV[7].
--
-- Values are raw bit patterns of the width, held as two halves (hi, lo) in [0, 2^32): Lua numbers are doubles,
-- exact only up to 2^53, so 64-bit arithmetic works on the halves and every intermediate result stays exact.
-- Stored form: canonical decimal for int and uint (what INCRBY accepts and redis-cli shows), hex of the bytes
-- in memory order for bytes (bit 8i+j is bit j of byte i). A missing key holds zero.
--
-- Replies: the previous value in stored form for exchanges, compare-and-exchanges and fetch operations, '1' or
-- '0' (the bit before) for bit operations, nil otherwise; 'ATOMICS_VALUE ...' errors for a stored value that is
-- not one of this atomic.
local T32 = 4294967296
local key = KEYS[1]
local kind, width, op = ARGV[1], tonumber(ARGV[2]), ARGV[3]

local function invalid(s, what)
  error({ err = 'ATOMICS_VALUE not ' .. what .. ': "' .. string.sub(s, 1, 40) .. '"' })
end

local function mask(hi, lo)
  if width == 8 then return hi, lo end
  if width == 4 then return 0, lo end
  return 0, lo % (2 ^ (8 * width))
end

-- two's complement of (hi, lo) in 64 bits
local function negate(hi, lo)
  if lo == 0 then return (T32 - hi) % T32, 0 end
  return T32 - 1 - hi, T32 - lo
end

local function decode(s)
  if not s then return 0, 0 end
  if kind == 'b' then
    if #s ~= 2 * width or string.find(s, '[^0-9a-fA-F]') then invalid(s, width .. ' bytes in hex') end
    local hi, lo, m = 0, 0, 1
    for i = 0, width - 1 do
      if i == 4 then m = 1 end
      local b = tonumber(string.sub(s, 2 * i + 1, 2 * i + 2), 16)
      if i < 4 then lo = lo + b * m else hi = hi + b * m end
      m = m * 256
    end
    return hi, lo
  end
  local what = (kind == 'i' and 'an int' or 'a uint') .. ' of width ' .. width
  local neg = string.byte(s, 1) == 45
  local d = neg and string.sub(s, 2) or s
  -- canonical decimal only, as INCRBY reads it: no sign but '-', no leading zero, no "-0"
  if #d == 0 or #d > 20 or string.find(d, '%D') or (#d > 1 and string.byte(d, 1) == 48) or (neg and d == '0') then
    invalid(s, what)
  end
  local hi, lo
  if #d <= 15 then
    local n = tonumber(d)
    hi = math.floor(n / T32)
    lo = n - hi * T32
  else
    hi, lo = 0, 0
    for i = 1, #d do
      lo = lo * 10 + string.byte(d, i) - 48
      local c = math.floor(lo / T32)
      lo = lo - c * T32
      hi = hi * 10 + c
      if hi >= T32 then invalid(s, what) end
    end
  end
  -- (hi, lo) is the magnitude: within the range of the width and signedness?
  if neg and kind ~= 'i' then invalid(s, what) end
  if width == 8 then
    if kind == 'i' and (hi > 2147483648 or (hi == 2147483648 and (lo > 0 or not neg))) then invalid(s, what) end
  else
    local limit = 2 ^ (kind == 'i' and 8 * width - 1 or 8 * width)
    if hi > 0 or lo > limit or (lo == limit and not neg) then invalid(s, what) end
  end
  if neg then return mask(negate(hi, lo)) end
  return hi, lo
end

-- an unsigned (hi, lo) in decimal
local function decimal(hi, lo)
  if hi < 2097152 then return string.format('%.0f', hi * T32 + lo) end -- below 2^53: exact as a double
  -- divide by 10^6 once: the remainder times 2^32 plus lo stays below 2^53, and the quotient below 2^53 too
  local qh = math.floor(hi / 1000000)
  local t = (hi - qh * 1000000) * T32 + lo
  local ql = math.floor(t / 1000000)
  local r = t - ql * 1000000
  if r < 0 then
    ql, r = ql - 1, r + 1000000
  elseif r >= 1000000 then
    ql, r = ql + 1, r - 1000000
  end
  return string.format('%.0f', qh * T32 + ql) .. string.format('%06d', r)
end

local function encode(hi, lo)
  if kind == 'b' then
    local out = {}
    for i = 0, width - 1 do
      local x = lo
      if i >= 4 then x = hi end
      out[i + 1] = string.format('%02x', math.floor(x / 256 ^ (i % 4)) % 256)
    end
    return table.concat(out)
  end
  if kind == 'i' then
    if width == 8 and hi >= 2147483648 then return '-' .. decimal(negate(hi, lo)) end
    if width < 8 and lo >= 2 ^ (8 * width - 1) then return '-' .. decimal(0, 2 ^ (8 * width) - lo) end
  end
  return decimal(hi, lo)
end

local function add(ah, al, bh, bl)
  local lo, c = al + bl, 0
  if lo >= T32 then lo, c = lo - T32, 1 end
  return mask((ah + bh + c) % T32, lo)
end

local function sub(ah, al, bh, bl)
  local lo, b = al - bl, 0
  if lo < 0 then lo, b = lo + T32, 1 end
  return mask((ah - bh - b) % T32, lo)
end

-- whether (ah, al) comes before (bh, bl) as the atomic reads them: a signed int compares with its sign bit flipped
local function less(ah, al, bh, bl)
  if kind == 'i' and width == 8 then
    ah, bh = (ah + 2147483648) % T32, (bh + 2147483648) % T32
  elseif kind == 'i' then
    local top, m = 2 ^ (8 * width - 1), 2 ^ (8 * width)
    al, bl = (al + top) % m, (bl + top) % m
  end
  return ah < bh or (ah == bh and al < bl)
end

-- LuaBitOp works on signed 32-bit numbers: bring its results back to [0, 2^32)
local function u32(x)
  if x < 0 then return x + T32 end
  return x
end

local s = redis.call('GET', key)
local hi, lo = decode(s)
local previous = s or encode(0, 0)
local fetch = string.byte(op, 1) == 102 -- 'f': a fetch operation answers the value before
local base = fetch and string.sub(op, 2) or op
local nh, nl

if base == 'xchg' then
  nh, nl = tonumber(ARGV[4]), tonumber(ARGV[5])
  fetch = true
elseif base == 'cas' then
  if hi ~= tonumber(ARGV[4]) or lo ~= tonumber(ARGV[5]) then return previous end
  nh, nl = tonumber(ARGV[6]), tonumber(ARGV[7])
  fetch = true
elseif base == 'bset' or base == 'breset' or base == 'bcompl' then
  local n = tonumber(ARGV[4])
  local m = 2 ^ (n % 32)
  local half = lo
  if n >= 32 then half = hi end
  local was = math.floor(half / m) % 2 == 1
  local now = was
  if base == 'bset' then now = true elseif base == 'breset' then now = false else now = not was end
  if now ~= was then
    if now then half = half + m else half = half - m end
    if n >= 32 then hi = half else lo = half end
    redis.call('SET', key, encode(hi, lo), 'KEEPTTL')
  end
  if was then return '1' end
  return '0'
elseif base == 'or' then
  nh, nl = u32(bit.bor(hi, tonumber(ARGV[4]))), u32(bit.bor(lo, tonumber(ARGV[5])))
elseif base == 'xor' then
  nh, nl = u32(bit.bxor(hi, tonumber(ARGV[4]))), u32(bit.bxor(lo, tonumber(ARGV[5])))
elseif base == 'and' then
  nh, nl = u32(bit.band(hi, tonumber(ARGV[4]))), u32(bit.band(lo, tonumber(ARGV[5])))
elseif base == 'not' then
  nh, nl = mask(T32 - 1 - hi, T32 - 1 - lo)
elseif base == 'add' then
  nh, nl = add(hi, lo, tonumber(ARGV[4]), tonumber(ARGV[5]))
elseif base == 'sub' then
  nh, nl = sub(hi, lo, tonumber(ARGV[4]), tonumber(ARGV[5]))
elseif base == 'neg' then
  nh, nl = sub(0, 0, hi, lo)
elseif base == 'max' or base == 'min' then
  local oh, ol = mask(tonumber(ARGV[4]), tonumber(ARGV[5]))
  local replace = less(hi, lo, oh, ol)
  if base == 'min' then replace = less(oh, ol, hi, lo) end
  -- nothing to write when the value already is the greater (the lesser): no write, as a CAS loop would not
  if not replace then return previous end
  nh, nl = oh, ol
else
  return redis.error_reply('ATOMICS_OP unknown operation ' .. op)
end

redis.call('SET', key, encode(nh, nl), 'KEEPTTL')
if fetch then return previous end
return nil
