import { v7 as uuidv7 } from 'uuid';
import { ApiError } from '@shared/api/contract';
import { SavedViewCreate, SearchQuery, type SavedView } from '@shared/schemas/search';
import { nowIso, type RegisterContext } from './context';

/** Named searches the user comes back to. Preferences, not evidence: not audited. */
export class SavedViews {
  constructor(private readonly ctx: RegisterContext) {}

  list(): SavedView[] {
    return (this.ctx.db.prepare('SELECT * FROM saved_views ORDER BY name COLLATE NOCASE').all() as { id: string; name: string; query: string; created_at: string }[]).map((r) => ({
      id: r.id,
      name: r.name,
      query: SearchQuery.parse(JSON.parse(r.query)),
      createdAt: r.created_at,
    }));
  }

  create(input: { name: string; query: unknown }): SavedView {
    const { name, query } = SavedViewCreate.parse(input);
    const view: SavedView = { id: uuidv7(), name, query: SearchQuery.parse(query), createdAt: nowIso(this.ctx.clock) };
    this.ctx.db.prepare('INSERT INTO saved_views (id, name, query, created_at) VALUES (?, ?, ?, ?)').run(view.id, view.name, JSON.stringify(view.query), view.createdAt);
    return view;
  }

  remove(id: string): void {
    if (this.ctx.db.prepare('DELETE FROM saved_views WHERE id = ?').run(id).changes === 0) throw new ApiError('NOT_FOUND', `No saved view with id ${id}`);
  }
}
