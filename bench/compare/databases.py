"""The databases both sides run on: SQLite files in the work directory and databases of the
throwaway PostgreSQL cluster, each named by a URL that both tools accept.

Database (a URL for tempest_compare, one for SQLAlchemy, and fresh() to start it empty) is
created through psql and sqlite3's Python module, outside any timing.
"""

import os
import sqlite3
import subprocess
from urllib.parse import urlsplit, urlunsplit


class SqliteDatabase:
    def __init__(self, path):
        self.path = path
        self.tempest_url = f"sqlite:{path}"
        self.sqlalchemy_url = f"sqlite:///{path}"

    def fresh(self):
        for suffix in ("", "-journal", "-wal", "-shm"):
            if os.path.exists(self.path + suffix):
                os.remove(self.path + suffix)
        sqlite3.connect(self.path).close()  # an empty database file

    def query(self, sql):
        with sqlite3.connect(self.path) as connection:
            return connection.execute(sql).fetchall()

    def table_names(self):
        rows = self.query("SELECT name FROM sqlite_schema WHERE type = 'table'")
        return sorted(name for (name,) in rows if not name.startswith("sqlite_"))


class PostgresDatabase:
    """A database named `name` in the cluster whose maintenance URL is `server_url`."""

    def __init__(self, server_url, name):
        self.server_url = server_url
        self.name = name
        parts = urlsplit(server_url)
        self.tempest_url = urlunsplit(parts._replace(path="/" + name))
        self.sqlalchemy_url = self.tempest_url  # psycopg2, SQLAlchemy's default PostgreSQL driver

    def psql(self, sql, url=None):
        result = subprocess.run(
            ["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", url or self.server_url,
             "-c", sql],
            check=True, capture_output=True, text=True,
        )
        return result.stdout

    def fresh(self):
        self.psql(f'DROP DATABASE IF EXISTS "{self.name}"')
        self.psql(f'CREATE DATABASE "{self.name}"')

    def drop(self):
        self.psql(f'DROP DATABASE IF EXISTS "{self.name}"')

    def query(self, sql):
        output = self.psql(sql, url=self.tempest_url)
        return [tuple(line.split("|")) for line in output.splitlines() if line]

    def table_names(self):
        rows = self.query("SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = 'public'")
        return sorted(name for (name,) in rows)


def database(dialect, work, server_url, name):
    """The database `name` of `dialect` ("sqlite" or "postgresql")."""
    if dialect == "sqlite":
        return SqliteDatabase(os.path.join(work, name + ".db"))
    return PostgresDatabase(server_url, name)
