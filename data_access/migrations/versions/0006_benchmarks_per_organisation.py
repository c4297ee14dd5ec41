"""benchmarks belong to the organisation whose import gave them (organisation, survey year, score), not to its
group, so importing another trust of the group never changes them; the group size may be unknown (a trust's own
table)

Existing group rows are copied to every organisation of that group. They were computed leaving the trust out;
importing the workbook again recomputes them over the whole group, the trust included, as the NHS reports do.

Revision ID: 0006
Revises: 0005
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    rows = op.get_bind().execute(sa.text(
        "select o.id as organisation_id, b.benchmark_group, b.survey_year, b.metric_code, b.best, b.average, "
        "b.worst, b.organisations from benchmark_score b join organisation o on o.benchmark_group = b.benchmark_group"
    )).mappings().all()
    # 0 stood for "not known" (a trust's own table); now it is said outright.
    _replace_table([{**row, 'organisations': row['organisations'] or None} for row in rows], per_organisation=True)


def downgrade() -> None:
    rows = op.get_bind().execute(sa.text(
        "select benchmark_group, survey_year, metric_code, best, average, worst, organisations from benchmark_score "
        "where id in (select min(id) from benchmark_score group by benchmark_group, survey_year, metric_code)"
    )).mappings().all()
    _replace_table([{**row, 'organisations': row['organisations'] or 0} for row in rows], per_organisation=False)


def _replace_table(rows: list[dict], per_organisation: bool) -> None:
    """benchmark_score dropped and made again keyed per organisation (or per group, as before), holding rows.

    Read, dropped and made afresh rather than renamed: PostgreSQL keeps a renamed table's constraint names."""
    owner = 'organisation_id' if per_organisation else 'benchmark_group'
    ownership = [sa.Column('organisation_id', sa.Integer(), nullable=False),
                 sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'])] if per_organisation else []
    op.drop_table('benchmark_score')
    table = op.create_table(
        'benchmark_score', sa.Column('id', sa.Integer(), nullable=False), *ownership,
        sa.Column('benchmark_group', sa.String(length=200), nullable=False),
        sa.Column('survey_year', sa.Integer(), nullable=False),
        sa.Column('metric_code', sa.String(length=10), nullable=False),
        *(sa.Column(name, sa.Float(), nullable=True) for name in ('best', 'average', 'worst')),
        sa.Column('organisations', sa.Integer(), nullable=per_organisation),
        sa.ForeignKeyConstraint(['metric_code'], ['metric.code']), sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint(owner, 'survey_year', 'metric_code'))
    if rows:
        op.bulk_insert(table, rows)
