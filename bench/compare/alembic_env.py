"""env.py of the Alembic script directory that bench/compare/alembic_scripts.py writes.

Alembic's generic template less logging and offline mode: an engine with NullPool on the
URL of alembic.ini. transaction_per_migration=True gives every migration its own
transaction together with its alembic_version update, as the tempest runner and the floor
scripts do (without it PostgreSQL would run the 1,000 migrations in one transaction).
"""

import sqlalchemy as sa
from alembic import context
from sqlalchemy.pool import NullPool

engine = sa.create_engine(context.config.get_main_option("sqlalchemy.url"), poolclass=NullPool)
with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=None, transaction_per_migration=True)
    with context.begin_transaction():
        context.run_migrations()
