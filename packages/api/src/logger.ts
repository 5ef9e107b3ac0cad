import pino from 'pino';

/** Structured JSON logs; each request logs through a child carrying its request id. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: { service: 'hub-api' },
  redact: ['password', '*.password', 'req.headers.cookie'],
});

export type Logger = pino.Logger;
