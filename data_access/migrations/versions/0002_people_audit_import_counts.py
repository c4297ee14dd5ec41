"""staff-list lookup, action audit trail and versions, import counts

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('person_key', sa.String(length=64), nullable=False),
    sa.Column('staff_group', sa.String(length=100), nullable=True),
    sa.Column('division', sa.String(length=100), nullable=True),
    sa.Column('band', sa.String(length=20), nullable=True),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('organisation_id', 'person_key')
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_person_key'), ['person_key'], unique=False)

    op.create_table('action_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('action_id', sa.Integer(), nullable=False),
    sa.Column('changed_by', sa.String(length=100), nullable=False),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.Column('field', sa.String(length=30), nullable=False),
    sa.Column('before', sa.Text(), nullable=True),
    sa.Column('after', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['action_id'], ['action.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('action_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_action_change_action_id'), ['action_id'], unique=False)

    with op.batch_alter_table('action', schema=None) as batch_op:
        batch_op.add_column(sa.Column('internal_note', sa.Text(), server_default='', nullable=False))
        batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1', nullable=False))

    with op.batch_alter_table('import_batch', schema=None) as batch_op:
        batch_op.add_column(sa.Column('added', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('updated', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('unchanged', sa.Integer(), server_default='0', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('import_batch', schema=None) as batch_op:
        batch_op.drop_column('unchanged')
        batch_op.drop_column('updated')
        batch_op.drop_column('added')
    with op.batch_alter_table('action', schema=None) as batch_op:
        batch_op.drop_column('version')
        batch_op.drop_column('internal_note')
    with op.batch_alter_table('action_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_action_change_action_id'))
    op.drop_table('action_change')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_person_key'))
    op.drop_table('person')
