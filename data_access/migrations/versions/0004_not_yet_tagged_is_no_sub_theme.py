"""remove sub-themes stored as "Not yet tagged": the app's words for an item with no sub-theme (its downloads write
them), which the loader had stored as a sub-theme of that name; the items stay, untagged, as the loader now reads them

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(sa.text("delete from feedback_sub_theme where lower(trim(sub_theme)) = 'not yet tagged'"))


def downgrade() -> None:
    """Nothing to restore: each removed row said only that its item had no sub-theme, as its absence does."""
