/** The SQLite database's file name in DATA_DIR: the server, `npm run user` and `npm run backup` open the same one. */
export const DATABASE_FILE = 'copydesk.sqlite';
