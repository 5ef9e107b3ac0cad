import { graphql } from '../../gql';

/** The record of processing activities with the operator, for the privacy notice and the record itself. */
export const ProcessingRecordQuery = graphql(`
  query ProcessingRecordPage {
    processingRecord {
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
