// The docker-entrypoint.sh of the mysql, mariadb, postgres and mongo images, with their real refusal to
// initialise without a root password, and the database servers they exec (port, start-up time, memory).
import type { CommandContext, CommandImpl, Yield } from "./types";
import { runDaemon } from "./daemon";
import { strftime } from "../civil-time";

const MB = 1024 * 1024;
const iso = (c: CommandContext) => `${strftime("%Y-%m-%d %H:%M:%S", c.proc.now())}+00:00`;

function* serveDb(c: CommandContext, port: number, memoryMb: number, stopLines: () => void): Generator<Yield, number, unknown> {
  c.proc.setMemoryUsage(memoryMb * MB);
  return yield* runDaemon(c, {
    ports: [{ port, handler: { tcp: () => ({}) } }],
    onSignal: (sig) => {
      if (sig === "HUP") return null;
      stopLines();
      return 0;
    },
  });
}

export const mysqlEntrypoint: CommandImpl = function* (c) {
  const version = c.image.versions.mysql || "8.4.3";
  const note = (m: string) => c.io.out(`${iso(c)} [Note] [Entrypoint]: ${m}\n`);
  if (c.args[0] !== "mysqld") return c.args.length ? yield* c.exec(c.args) : 0;
  note(`Entrypoint script for MySQL Server ${version}-1.el9 started.`);
  note("Switching to dedicated user 'mysql'");
  note(`Entrypoint script for MySQL Server ${version}-1.el9 started.`);
  const e = c.env;
  if (!e.MYSQL_ROOT_PASSWORD && !e.MYSQL_ALLOW_EMPTY_PASSWORD && !e.MYSQL_RANDOM_ROOT_PASSWORD) {
    c.io.err(`${iso(c)} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n    You need to specify one of the following as an environment variable:\n    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD\n`);
    return 1;
  }
  note("Initializing database files");
  yield { kind: "sleep", ms: 6000 };
  note("Database files initialized");
  note("Starting temporary server");
  yield { kind: "sleep", ms: 3000 };
  note("Temporary server started.");
  if (e.MYSQL_DATABASE) note(`Creating database ${e.MYSQL_DATABASE}`);
  if (e.MYSQL_USER && e.MYSQL_PASSWORD) note(`Creating user ${e.MYSQL_USER}`);
  note("Stopping temporary server");
  yield { kind: "sleep", ms: 2000 };
  note("Temporary server stopped");
  c.io.out("\n");
  note("MySQL init process done. Ready for start up.");
  c.io.out("\n");
  return yield* c.exec(c.args);
};

export const mysqld: CommandImpl = function* (c) {
  const version = c.image.versions.mysql || "8.4.3";
  const ts = () => `${strftime("%Y-%m-%dT%H:%M:%S", c.proc.now())}.000000Z`;
  c.io.out(`${ts()} 0 [System] [MY-015015] [Server] MySQL Server - start.\n`);
  c.io.out(`${ts()} 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld ${version}) starting as process 1\n`);
  yield { kind: "sleep", ms: 1500 };
  c.io.out(`${ts()} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '${version}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.\n`);
  return yield* serveDb(c, 3306, 380, () => {
    c.io.out(`${ts()} 0 [System] [MY-013172] [Server] Received SHUTDOWN from user <via user signal>. Shutting down mysqld (Version: ${version}).\n`);
    c.io.out(`${ts()} 0 [System] [MY-010910] [Server] /usr/sbin/mysqld: Shutdown complete (mysqld ${version})  MySQL Community Server - GPL.\n`);
  });
};

export const mariadbEntrypoint: CommandImpl = function* (c) {
  const version = c.image.versions.mariadb || "11.6.2";
  if (c.args[0] !== "mariadbd" && c.args[0] !== "mysqld") return c.args.length ? yield* c.exec(c.args) : 0;
  const note = (m: string) => c.io.out(`${iso(c)} [Note] [Entrypoint]: ${m}\n`);
  note(`Entrypoint script for MariaDB Server 1:${version}+maria~ubu2404 started.`);
  note("Switching to dedicated user 'mysql'");
  note(`Entrypoint script for MariaDB Server 1:${version}+maria~ubu2404 started.`);
  const e = c.env;
  const has = (k: string) => Boolean(e[`MARIADB_${k}`] || e[`MYSQL_${k}`]);
  if (!has("ROOT_PASSWORD") && !e.MARIADB_ROOT_PASSWORD_HASH && !has("ALLOW_EMPTY_ROOT_PASSWORD") && !e.MYSQL_ALLOW_EMPTY_PASSWORD && !has("RANDOM_ROOT_PASSWORD")) {
    c.io.err(`${iso(c)} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n\tYou need to specify one of MARIADB_ROOT_PASSWORD, MARIADB_ROOT_PASSWORD_HASH, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD and MARIADB_RANDOM_ROOT_PASSWORD\n`);
    return 1;
  }
  note("Initializing database files");
  yield { kind: "sleep", ms: 4000 };
  note("Database files initialized");
  note("MariaDB init process done. Ready for start up.");
  return yield* c.exec(c.args);
};

export const mariadbd: CommandImpl = function* (c) {
  const version = c.image.versions.mariadb || "11.6.2";
  const ts = () => strftime("%Y-%m-%d %H:%M:%S", c.proc.now());
  c.io.err(`${ts()} 0 [Note] Starting MariaDB ${version}-MariaDB-ubu2404 source revision 0 server_uid 0 as process 1\n`);
  yield { kind: "sleep", ms: 1000 };
  c.io.err(`${ts()} 0 [Note] mariadbd: ready for connections.\nVersion: '${version}-MariaDB-ubu2404'  socket: '/run/mysqld/mysqld.sock'  port: 3306  mariadb.org binary distribution\n`);
  return yield* serveDb(c, 3306, 120, () => {
    c.io.err(`${ts()} 0 [Note] mariadbd (initiated by: unknown): Normal shutdown\n${ts()} 0 [Note] mariadbd: Shutdown complete\n\n`);
  });
};

export const postgresEntrypoint: CommandImpl = function* (c) {
  if (c.args[0] !== "postgres") return c.args.length ? yield* c.exec(c.args) : 0;
  const e = c.env;
  if (!e.POSTGRES_PASSWORD && e.POSTGRES_HOST_AUTH_METHOD !== "trust") {
    c.io.err(`Error: Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the
       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
       connections without a password. This is *not* recommended.

       See PostgreSQL documentation about "trust":
       https://www.postgresql.org/docs/current/auth-trust.html
`);
    return 1;
  }
  c.io.out(`The files belonging to this database system will be owned by user "postgres".\nThis user must also own the server process.\n\nThe database cluster will be initialized with locale "en_US.utf8".\n\nfixing permissions on existing directory /var/lib/postgresql/data ... ok\ncreating subdirectories ... ok\n`);
  yield { kind: "sleep", ms: 2500 };
  c.io.out(`performing post-bootstrap initialization ... ok\nsyncing data to disk ... ok\n\n\nSuccess. You can now start the database server using:\n\n    pg_ctl -D /var/lib/postgresql/data -l logfile start\n\n\nPostgreSQL init process complete; ready for start up.\n\n`);
  return yield* c.exec(c.args);
};

export const postgres: CommandImpl = function* (c) {
  const version = c.image.versions.postgres || "17.2";
  const ts = () => `${strftime("%Y-%m-%d %H:%M:%S", c.proc.now())}.${String(c.proc.now() % 1000).padStart(3, "0")} UTC`;
  c.io.err(`${ts()} [1] LOG:  starting PostgreSQL ${version} (Debian ${version}-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit\n${ts()} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432\n${ts()} [1] LOG:  listening on IPv6 address "::", port 5432\n${ts()} [1] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"\n${ts()} [1] LOG:  database system is ready to accept connections\n`);
  return yield* serveDb(c, 5432, 60, () => {
    c.io.err(`${ts()} [1] LOG:  received fast shutdown request\n${ts()} [1] LOG:  aborting any active transactions\n${ts()} [1] LOG:  database system is shut down\n`);
  });
};

export const mongoEntrypoint: CommandImpl = function* (c) {
  if (c.args.length === 0) return 0;
  return yield* c.exec(c.args[0].startsWith("-") ? ["mongod", ...c.args] : c.args);
};

export const mongod: CommandImpl = function* (c) {
  const log = (id: number, ctxName: string, msg: string, attr: string) => c.io.out(`{"t":{"$date":"${strftime("%Y-%m-%dT%H:%M:%S", c.proc.now())}.000+00:00"},"s":"I",  "c":"${ctxName === "listener" ? "NETWORK" : "CONTROL"}",  "id":${id},   "ctx":"${ctxName}","msg":"${msg}","attr":${attr}}\n`);
  log(4615611, "initandlisten", "MongoDB starting", `{"pid":1,"port":27017,"dbPath":"/data/db","architecture":"64-bit","host":"${c.proc.hostname}"}`);
  yield { kind: "sleep", ms: 1500 };
  log(23016, "listener", "Waiting for connections", `{"port":27017,"ssl":"off"}`);
  return yield* serveDb(c, 27017, 150, () => log(23377, "SignalHandler", "Received signal", `{"signal":15,"error":"Terminated"}`));
};
