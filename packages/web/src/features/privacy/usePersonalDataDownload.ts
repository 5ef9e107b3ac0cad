import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { apiErrorMessage } from '../../errors/apiErrors';
import { userErrorMessage } from '../../errors/userErrors';
import { graphql } from '../../gql';
import { useT } from '../../i18n';
import { saveExport } from '../../ui/saveExport';

const ExportPersonalData = graphql(`
  mutation ExportPersonalData($input: ExportPersonalDataInput!) {
    exportPersonalData(input: $input) {
      files {
        baseName
        json
        html
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** The person's data as a readable document (HTML, printable) or as JSON. */
export type PersonalDataFormat = 'html' | 'json';

/**
 * Downloads everything the hub holds about a person (the viewer when `personId` is null) in one
 * click; `problem` says what went wrong, `busy` while the file is being put together.
 */
export function usePersonalDataDownload() {
  const t = useT();
  const [run, { loading }] = useMutation(ExportPersonalData);
  const [problem, setProblem] = useState<string | null>(null);

  const download = async (personId: string | null, format: PersonalDataFormat) => {
    if (loading) return;
    setProblem(null);
    try {
      const { data } = await run({ variables: { input: { personId } } });
      const payload = data?.exportPersonalData;
      if (payload?.userErrors.length) {
        setProblem(payload.userErrors.map((e) => userErrorMessage(e, 'privacy')(t)).join(' '));
        return;
      }
      if (payload?.files) saveExport(payload.files[format], payload.files.baseName, format);
    } catch (error) {
      setProblem(apiErrorMessage(error, t));
    }
  };

  return { download, busy: loading, problem };
}
