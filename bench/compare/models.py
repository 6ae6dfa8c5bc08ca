"""The SQLAlchemy side of the models both tools autogenerate against.

synthetic_metadata(n) is bench/synthetic_schema.hpp written as SQLAlchemy MetaData: N tables
"table_<i>" of 8 columns, a named primary key, a unique and a plain index, and a foreign key
to the previous table (table_0 to itself) with ON DELETE CASCADE. Names, nullability, keys
and actions are the same on both sides, so that both tools see the same differences.
"""

import sqlalchemy as sa

# The column that the "one added column" models add, and the table that gets it.
EXTRA_COLUMN = "extra"


def extra_column_table(tables):
    """The table to which the models with one added column add EXTRA_COLUMN."""
    return f"table_{tables // 2}"


def synthetic_metadata(tables, add_column=False):
    """MetaData of `tables` tables; with add_column, extra_column_table() also has a nullable
    text column EXTRA_COLUMN, appended after the others."""
    metadata = sa.MetaData()
    for i in range(tables):
        name = f"table_{i}"
        parent = f"table_{max(i - 1, 0)}"
        columns = [
            sa.Column("id", sa.BigInteger(), nullable=False, autoincrement=False),
            sa.Column("parent_id", sa.BigInteger(), nullable=True),
            sa.Column("name", sa.Text(), nullable=False),
            sa.Column("email", sa.Text(), nullable=True),
            sa.Column("amount", sa.Float(precision=53), nullable=False),
            sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.text("true")),
            sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
            sa.Column("notes", sa.Text(), nullable=True),
        ]
        if add_column and name == extra_column_table(tables):
            columns.append(sa.Column(EXTRA_COLUMN, sa.Text(), nullable=True))
        sa.Table(
            name,
            metadata,
            *columns,
            sa.PrimaryKeyConstraint("id", name=f"pk_{name}"),
            sa.ForeignKeyConstraint(
                ["parent_id"], [f"{parent}.id"], name=f"fk_{name}_parent", ondelete="CASCADE"
            ),
            sa.Index(f"ix_{name}_email", "email", unique=True),
            sa.Index(f"ix_{name}_name", "name"),
        )
    return metadata
