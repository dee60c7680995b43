// Server programs of the catalog's images.
import type { CommandImpl } from "./types";
import { nginx } from "./nginx";
import { nginxEntrypoint } from "./nginx-entrypoint";
import { httpd } from "./httpd";
import { redisCli, redisEntrypoint, redisServer } from "./redis";
import { mariadbd, mariadbEntrypoint, mongod, mongoEntrypoint, mysqld, mysqlEntrypoint, postgres, postgresEntrypoint } from "./databases";
import { node, nodeEntrypoint } from "./node";
import { python } from "./python";
import { agnhost, livenessImageServer, pause } from "./agnhost";
import { stress, vishStress } from "./stress";

export const DAEMONS: Record<string, CommandImpl> = {
  nginx, "nginx-entrypoint": nginxEntrypoint,
  "httpd-foreground": httpd, httpd,
  "redis-server": redisServer, "redis-cli": redisCli, "redis-entrypoint": redisEntrypoint,
  "mysql-entrypoint": mysqlEntrypoint, mysqld, "mariadb-entrypoint": mariadbEntrypoint, mariadbd,
  "postgres-entrypoint": postgresEntrypoint, postgres, "mongo-entrypoint": mongoEntrypoint, mongod,
  node, "node-entrypoint": nodeEntrypoint, python,
  agnhost, "liveness-server": livenessImageServer, pause,
  stress, "vish-stress": vishStress,
};
