import { graphql } from '../../gql';

/**
 * The record of processing activities with the operator, for the privacy notice and the record
 * itself, worded in the reader's language (`processingRecordLanguage`).
 */
export const ProcessingRecordQuery = graphql(`
  query ProcessingRecordPage($language: Locale!) {
    processingRecord(language: $language) {
      generatedAt
      operator {
        ...OperatorDetails_operator
      }
      activities {
        table
        title
        purpose
        recipients
        retention
        erasure
      }
      retention {
        kind
        period
      }
    }
  }
`);
