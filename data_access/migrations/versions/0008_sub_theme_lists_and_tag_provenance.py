"""theme tagging: each organisation keeps its own sub-theme list (with its audit), a tag is confirmed or suggested by
a stored model with a confidence, every change to an item's tags is recorded, and an item can be marked reviewed

Each organisation's list starts with the names its items are already tagged with; those tags, all from imports,
become confirmed.

Revision ID: 0008
Revises: 0007
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None



def _audit() -> tuple[sa.Column, sa.Column]:
    """Who made a change and when, as each audit table records it."""
    return (sa.Column('changed_by', sa.String(length=100), nullable=False),
            sa.Column('changed_at', sa.DateTime(), nullable=False))


def upgrade() -> None:
    op.create_table(
        'sub_theme',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('organisation_id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=60), nullable=False),
        sa.Column('description', sa.Text(), server_default='', nullable=False),
        sa.Column('element_code', sa.String(length=10), nullable=True),
        sa.Column('retired_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['element_code'], ['metric.code']),
        sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('organisation_id', 'name'),
    )
    op.create_table(
        'sub_theme_change',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('organisation_id', sa.Integer(), nullable=False),
        sa.Column('change', sa.String(length=20), nullable=False),
        sa.Column('name', sa.String(length=60), nullable=False),
        sa.Column('detail', sa.Text(), server_default='', nullable=False),
        sa.Column('items', sa.Integer(), server_default='0', nullable=False),
        *_audit(),
        sa.CheckConstraint("change in ('added', 'renamed', 'merged', 'retired', 'restored', 'described')",
                           name='sub_theme_change_kind'),
        sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_sub_theme_change_organisation_id', 'sub_theme_change', ['organisation_id'])
    op.create_table(
        'tag_model',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('organisation_id', sa.Integer(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('trained_at', sa.DateTime(), nullable=False),
        sa.Column('trained_by', sa.String(length=100), nullable=False),
        sa.Column('trained_on', sa.String(length=30), nullable=False),
        sa.Column('items', sa.Integer(), nullable=False),
        sa.Column('labels', sa.Integer(), nullable=False),
        sa.Column('metrics', sa.Text(), server_default='', nullable=False),
        sa.Column('model', sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('organisation_id', 'version'),
    )
    op.create_table(
        'tag_change',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('feedback_id', sa.Integer(), nullable=False),
        sa.Column('sub_theme', sa.String(length=60), nullable=False),
        sa.Column('change', sa.String(length=20), nullable=False),
        *_audit(),
        sa.CheckConstraint("change in ('added', 'removed', 'accepted')", name='tag_change_kind'),
        sa.ForeignKeyConstraint(['feedback_id'], ['feedback.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_tag_change_feedback_id', 'tag_change', ['feedback_id'])
    op.add_column('feedback', sa.Column('reviewed_by', sa.String(length=100), nullable=True))
    op.add_column('feedback', sa.Column('reviewed_at', sa.DateTime(), nullable=True))
    with op.batch_alter_table('feedback_sub_theme') as batch:
        batch.add_column(sa.Column('status', sa.String(length=20), server_default='confirmed', nullable=False))
        batch.add_column(sa.Column('confidence', sa.Float(), nullable=True))
        batch.add_column(sa.Column('model_id', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('tagged_by', sa.String(length=100), server_default='', nullable=False))
        batch.add_column(sa.Column('tagged_at', sa.DateTime(), nullable=True))
        batch.create_check_constraint('feedback_sub_theme_status', "status in ('confirmed', 'suggested')")
        batch.create_check_constraint('feedback_sub_theme_confidence',
                                      'confidence is null or (confidence >= 0 and confidence <= 1)')
        batch.create_foreign_key('feedback_sub_theme_model_id_fkey', 'tag_model', ['model_id'], ['id'],
                                 ondelete='SET NULL')
        batch.create_index('ix_feedback_sub_theme_status', ['status'])
    op.execute(sa.text("update feedback_sub_theme set tagged_by = 'import'"))
    op.execute(sa.text(
        "insert into sub_theme (organisation_id, name, description) "
        "select distinct sr.organisation_id, t.sub_theme, '' from feedback_sub_theme t "
        "join feedback f on f.id = t.feedback_id join session s on s.id = f.session_id "
        "join series sr on sr.id = s.series_id"))


def downgrade() -> None:
    op.execute(sa.text("delete from feedback_sub_theme where status <> 'confirmed'"))
    with op.batch_alter_table('feedback_sub_theme') as batch:
        batch.drop_index('ix_feedback_sub_theme_status')
        batch.drop_constraint('feedback_sub_theme_model_id_fkey', type_='foreignkey')
        batch.drop_constraint('feedback_sub_theme_confidence', type_='check')
        batch.drop_constraint('feedback_sub_theme_status', type_='check')
        for column in ('tagged_at', 'tagged_by', 'model_id', 'confidence', 'status'):
            batch.drop_column(column)
    # Not in batch: SQLite would make the table afresh, and dropping the old one deletes every item's tags.
    op.drop_column('feedback', 'reviewed_at')
    op.drop_column('feedback', 'reviewed_by')
    op.drop_index('ix_tag_change_feedback_id', table_name='tag_change')
    op.drop_table('tag_change')
    op.drop_table('tag_model')
    op.drop_index('ix_sub_theme_change_organisation_id', table_name='sub_theme_change')
    op.drop_table('sub_theme_change')
    op.drop_table('sub_theme')
