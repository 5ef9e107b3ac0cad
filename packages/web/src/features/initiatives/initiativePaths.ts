/** URLs of the network initiatives ("Initiativen"): proposals, prioritisation rounds, pilot calls. */
export const initiativePaths = {
  list: '/initiativen',
  propose: '/initiativen/neu',
  detailPattern: '/initiativen/:initiativeId',
  detail: (id: string) => `/initiativen/${encodeURIComponent(id)}`,
  openRound: '/initiativen/runden/neu',
  roundPattern: '/initiativen/runden/:roundId',
  round: (id: string) => `/initiativen/runden/${encodeURIComponent(id)}`,
} as const;
