import { projectLimits } from '@hub/shared';
import { useT } from '../../../i18n';
import { Checkbox } from '../../../ui/Checkbox';
import { DateField } from '../../../ui/DateField';
import { TextField } from '../../../ui/TextField';
import type { MilestoneRow, ProjectFormRowsProps } from './projectFormValues';
import { RowList } from './RowList';

/** The milestones: title, due date, done. */
export function MilestonesSection({ rows, onChange, error }: ProjectFormRowsProps<'milestones'>) {
  const t = useT();
  return (
    <RowList
      legend={t('projects.form.milestones')}
      rows={rows}
      onChange={onChange}
      emptyRow={(): MilestoneRow => ({ title: '', dueDate: '', done: false })}
      removeLabel={(n) => t('projects.form.removeMilestone', { n })}
      addLabel={t('projects.form.addMilestone')}
      renderRow={(row, n, update) => (
        <>
          <TextField
            maxLength={projectLimits.shortText.maxLength}
            id={`project-milestone-${n}-title`}
            label={t('projects.form.milestoneTitle', { n })}
            value={row.title}
            onChange={(title) => update({ title })}
            error={error(`milestones.${n - 1}.title`)}
          />
          <DateField
            id={`project-milestone-${n}-due`}
            label={t('projects.form.milestoneDue', { n })}
            value={row.dueDate}
            onChange={(dueDate) => update({ dueDate })}
            error={error(`milestones.${n - 1}.dueDate`)}
          />
          <Checkbox
            id={`project-milestone-${n}-done`}
            label={t('projects.form.milestoneDone', { n })}
            checked={row.done}
            onChange={(done) => update({ done })}
          />
        </>
      )}
    />
  );
}
