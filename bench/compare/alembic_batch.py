"""The Alembic side of the SQLite rebuild comparison.

    python3 alembic_batch.py DB

Makes items.qty NOT NULL in the database that `tempest_rebuild_bench prepare` made, the way
an Alembic migration does on SQLite: op.batch_alter_table, whose "move and copy" reflects the
table, creates _alembic_tmp_items, copies the rows, drops items, renames the copy and
re-creates the indexes. The migration runs in one connection.begin() block, which is what
env.py's transaction_per_migration gives each migration. Timed by run.py as a whole process,
like the tempest and sqlite3 sides.
"""

import sys

import sqlalchemy as sa
from alembic.migration import MigrationContext
from alembic.operations import Operations
from sqlalchemy.pool import NullPool


def main():
    engine = sa.create_engine(f"sqlite:///{sys.argv[1]}", poolclass=NullPool)
    with engine.connect() as connection:
        with connection.begin():
            op = Operations(MigrationContext.configure(connection))
            with op.batch_alter_table("items") as batch:
                batch.alter_column("qty", existing_type=sa.Integer(), nullable=False)


if __name__ == "__main__":
    main()
