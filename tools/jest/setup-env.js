// Every test process sees UTC, so date arithmetic is the same on every machine.
process.env.TZ = 'UTC';
