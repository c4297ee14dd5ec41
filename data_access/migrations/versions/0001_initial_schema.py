"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-23 09:04:32.259297
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('import_batch',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('file_name', sa.String(length=300), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('imported_by', sa.String(length=100), nullable=False),
    sa.Column('imported_at', sa.DateTime(), nullable=False),
    sa.Column('rows', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('import_batch', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_import_batch_sha256'), ['sha256'], unique=False)

    op.create_table('metric',
    sa.Column('code', sa.String(length=10), nullable=False),
    sa.Column('official_name', sa.String(length=100), nullable=False),
    sa.Column('short_name', sa.String(length=100), nullable=False),
    sa.Column('session_label', sa.String(length=100), nullable=True),
    sa.Column('parent_code', sa.String(length=10), nullable=True),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['parent_code'], ['metric.code'], ),
    sa.PrimaryKeyConstraint('code')
    )
    op.create_table('organisation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ods_code', sa.String(length=10), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('benchmark_group', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('ods_code')
    )
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organisation_benchmark_group'), ['benchmark_group'], unique=False)

    op.create_table('benchmark_score',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('benchmark_group', sa.String(length=200), nullable=False),
    sa.Column('survey_year', sa.Integer(), nullable=False),
    sa.Column('metric_code', sa.String(length=10), nullable=False),
    sa.Column('best', sa.Float(), nullable=True),
    sa.Column('average', sa.Float(), nullable=True),
    sa.Column('worst', sa.Float(), nullable=True),
    sa.Column('organisations', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['metric_code'], ['metric.code'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('benchmark_group', 'survey_year', 'metric_code')
    )
    op.create_table('metric_alias',
    sa.Column('alias', sa.String(length=120), nullable=False),
    sa.Column('metric_code', sa.String(length=10), nullable=False),
    sa.ForeignKeyConstraint(['metric_code'], ['metric.code'], ),
    sa.PrimaryKeyConstraint('alias')
    )
    op.create_table('series',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('cadence', sa.String(length=50), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('organisation_id', 'name')
    )
    op.create_table('survey_score',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('survey_year', sa.Integer(), nullable=False),
    sa.Column('published_on', sa.Date(), nullable=True),
    sa.Column('metric_code', sa.String(length=10), nullable=False),
    sa.Column('score', sa.Float(), nullable=True),
    sa.Column('responses', sa.Integer(), nullable=True),
    sa.CheckConstraint('score is null or (score >= 0 and score <= 10)', name='survey_score_range'),
    sa.ForeignKeyConstraint(['metric_code'], ['metric.code'], ),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('organisation_id', 'survey_year', 'metric_code')
    )
    with op.batch_alter_table('survey_score', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_survey_score_metric_code'), ['metric_code'], unique=False)

    op.create_table('workforce',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('as_at', sa.Date(), nullable=False),
    sa.Column('staff_group', sa.String(length=100), nullable=False),
    sa.Column('division', sa.String(length=100), nullable=False),
    sa.Column('headcount', sa.Integer(), nullable=False),
    sa.CheckConstraint('headcount >= 0', name='workforce_headcount'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('organisation_id', 'as_at', 'staff_group', 'division')
    )
    op.create_table('session',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('series_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('element_code', sa.String(length=10), nullable=False),
    sa.Column('starts_at', sa.DateTime(), nullable=False),
    sa.Column('host_roles', sa.String(length=300), nullable=False),
    sa.Column('format', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('key_themes', sa.Text(), nullable=False),
    sa.Column('recording_url', sa.String(length=500), nullable=True),
    sa.Column('slides_url', sa.String(length=500), nullable=True),
    sa.CheckConstraint("format in ('online', 'in person', 'hybrid')", name='session_format'),
    sa.CheckConstraint("status in ('planned', 'held', 'cancelled')", name='session_status'),
    sa.ForeignKeyConstraint(['element_code'], ['metric.code'], ),
    sa.ForeignKeyConstraint(['series_id'], ['series.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('series_id', 'starts_at')
    )
    with op.batch_alter_table('session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_session_element_code'), ['element_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_session_series_id'), ['series_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_session_starts_at'), ['starts_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_session_status'), ['status'], unique=False)

    op.create_table('action',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=True),
    sa.Column('element_code', sa.String(length=10), nullable=False),
    sa.Column('you_said', sa.Text(), nullable=False),
    sa.Column('we_did', sa.Text(), nullable=False),
    sa.Column('owner', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('completed_date', sa.Date(), nullable=True),
    sa.Column('updated_by', sa.String(length=100), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("status in ('planned', 'coming soon', 'in progress', 'done', 'dropped')", name='action_status'),
    sa.ForeignKeyConstraint(['element_code'], ['metric.code'], ),
    sa.ForeignKeyConstraint(['session_id'], ['session.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('action', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_action_due_date'), ['due_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_action_element_code'), ['element_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_action_session_id'), ['session_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_action_status'), ['status'], unique=False)

    op.create_table('attendance',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('person_key', sa.String(length=64), nullable=False),
    sa.Column('staff_group', sa.String(length=100), nullable=True),
    sa.Column('division', sa.String(length=100), nullable=True),
    sa.Column('band', sa.String(length=20), nullable=True),
    sa.Column('teams_role', sa.String(length=20), nullable=False),
    sa.Column('minutes_attended', sa.Float(), nullable=False),
    sa.CheckConstraint("teams_role in ('Organizer', 'Presenter', 'Attendee')", name='attendance_role'),
    sa.CheckConstraint('minutes_attended >= 0', name='attendance_minutes'),
    sa.ForeignKeyConstraint(['session_id'], ['session.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('session_id', 'person_key')
    )
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attendance_person_key'), ['person_key'], unique=False)
        batch_op.create_index('ix_attendance_session_role', ['session_id', 'teams_role'], unique=False)

    op.create_table('feedback',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('prompt', sa.String(length=500), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('staff_group', sa.String(length=100), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint("source in ('board', 'form', 'breakout', 'email')", name='feedback_source'),
    sa.ForeignKeyConstraint(['session_id'], ['session.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('feedback', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_feedback_session_id'), ['session_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_feedback_source'), ['source'], unique=False)

    op.create_table('feedback_sub_theme',
    sa.Column('feedback_id', sa.Integer(), nullable=False),
    sa.Column('sub_theme', sa.String(length=60), nullable=False),
    sa.ForeignKeyConstraint(['feedback_id'], ['feedback.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('feedback_id', 'sub_theme')
    )
    with op.batch_alter_table('feedback_sub_theme', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_feedback_sub_theme_sub_theme'), ['sub_theme'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('feedback_sub_theme', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_feedback_sub_theme_sub_theme'))

    op.drop_table('feedback_sub_theme')
    with op.batch_alter_table('feedback', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_feedback_source'))
        batch_op.drop_index(batch_op.f('ix_feedback_session_id'))

    op.drop_table('feedback')
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.drop_index('ix_attendance_session_role')
        batch_op.drop_index(batch_op.f('ix_attendance_person_key'))

    op.drop_table('attendance')
    with op.batch_alter_table('action', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_action_status'))
        batch_op.drop_index(batch_op.f('ix_action_session_id'))
        batch_op.drop_index(batch_op.f('ix_action_element_code'))
        batch_op.drop_index(batch_op.f('ix_action_due_date'))

    op.drop_table('action')
    with op.batch_alter_table('session', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_session_status'))
        batch_op.drop_index(batch_op.f('ix_session_starts_at'))
        batch_op.drop_index(batch_op.f('ix_session_series_id'))
        batch_op.drop_index(batch_op.f('ix_session_element_code'))

    op.drop_table('session')
    op.drop_table('workforce')
    with op.batch_alter_table('survey_score', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_survey_score_metric_code'))

    op.drop_table('survey_score')
    op.drop_table('series')
    op.drop_table('metric_alias')
    op.drop_table('benchmark_score')
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organisation_benchmark_group'))

    op.drop_table('organisation')
    op.drop_table('metric')
    with op.batch_alter_table('import_batch', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_import_batch_sha256'))

    op.drop_table('import_batch')
