-- atomics-redis: reads every key of KEYS in one step, telling a missing key from a key of another type (MGET
-- answers nil for both). On a Redis Cluster the caller groups keys by hash slot: a script's keys share one slot.
--
-- Reply: one string per key, in order: 'v' followed by the stored string, 'n' for a missing key, 't' followed by
-- the Redis type of a key that holds no string (hash, list, set, zset, stream, ...).
local out = {}
for i = 1, #KEYS do
  local s = redis.pcall('GET', KEYS[i])
  if type(s) == 'table' and s.err then
    out[i] = 't' .. redis.call('TYPE', KEYS[i]).ok
  elseif s then
    out[i] = 'v' .. s
  else
    out[i] = 'n'
  end
end
return out
