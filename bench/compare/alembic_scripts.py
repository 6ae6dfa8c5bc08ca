"""An Alembic script directory holding the history of bench/small_migrations.hpp.

write_script_directory(directory, count) writes directory/env.py (bench/compare/alembic_env.py)
and directory/versions/ with one revision file per migration, in the form `alembic revision
--autogenerate` gives them: the same revision ids, parents and labels as the tempest side,
and the same tables, keys, indexes and columns. write_ini(path, directory, url) writes an
alembic.ini pointing at it, one per database.
"""

import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))

REVISION_TEMPLATE = '''"""{label}

Revision ID: {revision}
Revises: {down_revision}
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = {revision!r}
down_revision = {down_revision!r}
branch_labels = None
depends_on = None


def upgrade():
{upgrade}


def downgrade():
{downgrade}
'''


def revision_id(i):
    return f"m{100000 + i}"


def revision_source(i):
    """The revision file of migration i. The id columns say autoincrement=False: tempest's
    bigint() is not an identity, and SQLAlchemy would otherwise make it a BIGSERIAL."""
    table = f"t{i}"
    upgrade = [
        f"    op.create_table(\n"
        f"        {table!r},\n"
        f"        sa.Column('id', sa.BigInteger(), autoincrement=False, nullable=False),\n"
        f"        sa.Column('name', sa.String(length=40), nullable=True),\n"
        f"        sa.PrimaryKeyConstraint('id', name='pk_{table}'),\n"
        f"    )",
        f"    op.create_index('ix_{table}_name', {table!r}, ['name'], unique=False)",
    ]
    downgrade = [
        f"    op.drop_index('ix_{table}_name', table_name={table!r})",
        f"    op.drop_table({table!r})",
    ]
    if i % 2 == 1:
        previous = f"t{i - 1}"
        upgrade.append(
            f"    op.add_column({previous!r}, sa.Column('extra', sa.Integer(), "
            f"server_default='0', nullable=True))"
        )
        downgrade.insert(0, f"    op.drop_column({previous!r}, 'extra')")
    return REVISION_TEMPLATE.format(
        label=f"small step {i}",
        revision=revision_id(i),
        down_revision=revision_id(i - 1) if i > 0 else None,
        upgrade="\n".join(upgrade),
        downgrade="\n".join(downgrade),
    )


def write_script_directory(directory, count):
    versions = os.path.join(directory, "versions")
    os.makedirs(versions, exist_ok=True)
    shutil.copyfile(os.path.join(HERE, "alembic_env.py"), os.path.join(directory, "env.py"))
    for i in range(count):
        path = os.path.join(versions, f"{revision_id(i)}_small_step_{i}.py")
        with open(path, "w", encoding="utf-8") as out:
            out.write(revision_source(i))


def write_ini(path, directory, url):
    with open(path, "w", encoding="utf-8") as out:
        out.write(f"[alembic]\nscript_location = {directory}\nsqlalchemy.url = {url}\n")
