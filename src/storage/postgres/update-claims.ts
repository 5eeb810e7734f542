// Update claims shared by replicas: a claim is one atomic upsert that succeeds only for a new id or
// a lapsed claim (its replica died mid-update), so of two replicas given the same update, one answers.
import { STORAGE } from '../../config/defaults.js';
import { REPLICA_ID, type Claim, type UpdateClaims } from '../../update-claims.js';
import type { Database } from './database.js';

export class PostgresUpdateClaims implements UpdateClaims {
  #claimsSincePrune = 0;

  constructor(
    private readonly db: Database,
    private readonly leaseMs: number = STORAGE.claimLeaseMs,
    private readonly owner: string = REPLICA_ID,
  ) {}

  async claim(id: string): Promise<Claim> {
    const taken = await this.db.pool.query(
      `INSERT INTO update_claims (id, owner, claimed_at) VALUES ($1, $2, now())
       ON CONFLICT (id) DO UPDATE SET owner = excluded.owner, claimed_at = excluded.claimed_at
         WHERE NOT update_claims.done AND update_claims.claimed_at < now() - make_interval(secs => $3::double precision / 1000)
       RETURNING id`,
      [id, this.owner, this.leaseMs],
    );
    if (taken.rowCount === 1) {
      await this.#pruneNowAndThen();
      return 'mine';
    }
    const { rows } = await this.db.pool.query<{ done: boolean }>('SELECT done FROM update_claims WHERE id = $1', [id]);
    return rows[0]?.done ? 'done' : 'busy';
  }

  async done(id: string): Promise<void> {
    await this.db.pool.query('UPDATE update_claims SET done = true WHERE id = $1', [id]);
  }

  /** Old claims go, a batch every thousand claims: Telegram stops retrying an update long before. */
  async #pruneNowAndThen(): Promise<void> {
    this.#claimsSincePrune += 1;
    if (this.#claimsSincePrune < 1_000) return;
    this.#claimsSincePrune = 0;
    await this.db.pool.query('DELETE FROM update_claims WHERE claimed_at < now() - make_interval(secs => $1::double precision / 1000)', [STORAGE.claimKeepMs]);
  }
}
