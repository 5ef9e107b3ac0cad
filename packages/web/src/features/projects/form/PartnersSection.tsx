import { useState } from 'react';
import { useT } from '../../../i18n';
import { MunicipalityPicker, type PickedMunicipality } from '../../members/MunicipalityPicker';
import type { ProjectFormSectionProps } from './projectFormValues';

/** The partner municipalities: picked one at a time from the directory, removable. */
export function PartnersSection({ values, set, error }: ProjectFormSectionProps) {
  const t = useT();
  const [candidate, setCandidate] = useState<PickedMunicipality | null>(null);
  const [problem, setProblem] = useState('');
  const setPartners = set('partners', 'partnerMunicipalityIds');
  return (
    <fieldset className="kern-fieldset">
      <legend className="kern-label">
        {t('projects.form.partners')}{' '}
        <span className="kern-label__optional">{t('projects.form.optional')}</span>
      </legend>
      <div className="kern-fieldset__body">
        {values.partners.length === 0 ? (
          <p className="kern-body">{t('projects.form.noPartners')}</p>
        ) : (
          <ul className="kern-list">
            {values.partners.map((partner) => (
              <li key={partner.id} className="kern-body">
                {partner.name}{' '}
                <button
                  type="button"
                  className="kern-btn kern-btn--tertiary"
                  onClick={() => setPartners(values.partners.filter((p) => p.id !== partner.id))}
                >
                  <span className="kern-label">
                    {t('projects.form.removePartner', { name: partner.name })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <MunicipalityPicker
          id="project-partner"
          searchLabel={t('projects.form.partnerSearch')}
          label={t('projects.form.partnerPick')}
          value={candidate}
          onChange={(picked) => {
            setCandidate(picked);
            setProblem('');
          }}
          error={problem || error('partnerMunicipalityIds')?.(t)}
        />
        <button
          type="button"
          className="kern-btn kern-btn--secondary"
          onClick={() => {
            if (!candidate) {
              setProblem(t('projects.form.partnerChooseFirst'));
              return;
            }
            if (!values.partners.some((p) => p.id === candidate.id))
              setPartners([...values.partners, { id: candidate.id, name: candidate.name }]);
            setCandidate(null);
          }}
        >
          <span className="kern-label">{t('projects.form.addPartner')}</span>
        </button>
      </div>
    </fieldset>
  );
}
