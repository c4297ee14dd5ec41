"""sign-in: the role table the OD team keeps (app_role) and the record of signed-in users with no role

Revision ID: 0007
Revises: 0006
"""
import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'app_role',
        sa.Column('email', sa.String(length=254), nullable=False),
        sa.Column('role', sa.String(length=20), nullable=False),
        sa.Column('granted_by', sa.String(length=254), nullable=False),
        sa.Column('granted_at', sa.DateTime(), nullable=False),
        sa.CheckConstraint("role in ('executive', 'od_team', 'facilitator')", name='app_role_role'),
        sa.PrimaryKeyConstraint('email'),
    )
    op.create_table(
        'no_access_attempt',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('email', sa.String(length=254), nullable=False),
        sa.Column('attempted_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_no_access_attempt_email', 'no_access_attempt', ['email'])


def downgrade() -> None:
    op.drop_index('ix_no_access_attempt_email', table_name='no_access_attempt')
    op.drop_table('no_access_attempt')
    op.drop_table('app_role')
