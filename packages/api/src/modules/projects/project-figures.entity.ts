import { Column, Entity, PrimaryColumn } from 'typeorm';

/*
 * The project figures kept up to date as projects change (migration ProjectFigureAggregate), so
 * that a period's figures are a sum over a few hundred quarter rows instead of a pass over every
 * project and its phase history.
 *
 * A row says by how much a figure changes in a Berlin calendar quarter: a stock as it stands at
 * the end of a quarter is the sum of its rows up to that quarter, a flow within a period the sum
 * of its rows in the period's quarters. Every reporting period (quarter, half-year, year) is a run
 * of whole quarters, so quarter buckets answer each of them exactly.
 *
 * What a row counts (`figure`, with `key`):
 *   PUBLISHED         +1 in the quarter a (now published) project was published
 *   PHASE (phase)     +1 when a phase starts to count for a published project, -1 when it stops
 *   CATEGORY (name)   +1 in the publication quarter, by the project's category now
 *   DISTRICT (id)     +1 in the publication quarter, by the Landkreis of its lead municipality now
 *   ONE_OFF, YEARLY, FUNDING   the project's cost and funding amounts (cents), in its publication quarter
 *   ADOPTION, SAVING  +1 and the estimated saving (cents) in the quarter of an adoption
 */

/** One project's share of the figures: what is subtracted again when the project changes. */
@Entity('project_figure_contribution')
export class ProjectFigureContribution {
  // No foreign key: when a project is deleted, its share is taken out of the sums by the trigger
  // that sees the deletion, which a cascade would have removed first.
  @PrimaryColumn({ type: 'uuid' })
  projectId: string;

  @PrimaryColumn({ type: 'date', comment: 'first day of the Berlin quarter; -infinity before any' })
  quarter: string;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  figure: string;

  @PrimaryColumn({ type: 'varchar', length: 40, comment: "phase, category or district id; '' for none" })
  key: string;

  @Column({ type: 'bigint' })
  amount: string;
}

/** The sum of every project's share per quarter, figure and key: what the figure queries read. */
@Entity('project_figure_quarter')
export class ProjectFigureQuarter {
  @PrimaryColumn({ type: 'date', comment: 'first day of the Berlin quarter; -infinity before any' })
  quarter: string;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  figure: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  key: string;

  @Column({ type: 'bigint' })
  amount: string;
}

/**
 * Projects written in the current transaction whose share is still to be refreshed: the triggers
 * note them here and one deferred trigger refreshes them all at once before the commit.
 */
@Entity('project_figure_pending')
export class ProjectFigurePending {
  @PrimaryColumn({ type: 'uuid' })
  projectId: string;
}
