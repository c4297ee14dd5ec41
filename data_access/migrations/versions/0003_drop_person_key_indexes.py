"""drop the single-column person_key indexes: every lookup goes through a composite key, and hashed keys made
each import's inserts land at random in them

Revision ID: 0003
Revises: 0002
"""
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index('ix_attendance_person_key', table_name='attendance')
    op.drop_index('ix_person_person_key', table_name='person')


def downgrade() -> None:
    op.create_index('ix_person_person_key', 'person', ['person_key'], unique=False)
    op.create_index('ix_attendance_person_key', 'attendance', ['person_key'], unique=False)
