// Preloaded (`node -r`) into a process whose peak memory the bench measures: on exit, writes
// process.resourceUsage().maxRSS (peak resident set, kB) to the file named by DLKIT_RSS_FILE.
const fs = require('fs');
process.on('exit', () => {
  const file = process.env.DLKIT_RSS_FILE;
  if (file) fs.writeFileSync(file, String(process.resourceUsage().maxRSS));
});
