"""Alembic environment: the engine comes from data_access.database, never from a config file."""
from alembic import context

from data_access.models import Base

engine = context.config.attributes["engine"]
with engine.begin() as connection:
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    context.run_migrations()
