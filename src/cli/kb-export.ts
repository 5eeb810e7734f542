// `npm run kb:export`: writes the changes moderators recorded in the database (DATABASE_URL) back
// into the knowledge files, for a pull request. Running it again writes nothing new; replicas keep
// serving the same base, since the files then hold what the database says.
import 'dotenv/config';
import { loadConfig } from '../config/env.js';
import { exportEdits } from '../knowledge/export.js';
import { PostgresFactStore } from '../storage/postgres/knowledge.js';
import { Database } from '../storage/postgres/database.js';

const config = loadConfig();
if (!config.DATABASE_URL) {
  console.error('kb:export reads the changes recorded in the database: set DATABASE_URL (see .env.example). Without it, changes are written to the files directly.');
  process.exit(2);
}
const db = await Database.open(config.DATABASE_URL).catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
try {
  const report = await exportEdits(config.KNOWLEDGE_DIR, await new PostgresFactStore(db, config.KNOWLEDGE_DIR).changes());
  if (report.written.length === 0) console.log(`${config.KNOWLEDGE_DIR}/ already holds every recorded change; nothing written.`);
  else console.log(`Wrote ${report.written.length} file(s): ${report.written.join(', ')}\nFacts changed: ${report.facts.join(', ')}\nReview with "git diff", check with "npm run kb:check", then open a pull request.`);
  if (report.superseded.length > 0) {
    console.log(`Left as the files have them (changed in the files after their recorded edits): ${report.superseded.join(', ')}`);
  }
} finally {
  await db.close();
}
