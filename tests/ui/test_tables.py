"""Display tables made from query results."""
from __future__ import annotations

from datetime import date

import pandas as pd

from ui.tables import feedback_table


def test_the_feedback_table_shows_the_date_and_the_elements_name_in_reading_order_and_no_ids():
    items = pd.DataFrame({"feedback_id": [7, 3], "starts_at": pd.to_datetime(["2022-04-11 12:30", "2021-01-05 09:00"]),
                          "series": ["Series 2", "Series 1"], "session": ["Flexible working", "Safety"],
                          "element_code": ["PP6", "PP5"], "prompt": ["What would help?", "What worries you?"],
                          "source": ["chat", "post-it"], "text": ["The car park", "Night shifts"],
                          "sub_themes": ["parking", "Not yet tagged"], "date": [date(2022, 4, 11), date(2021, 1, 5)],
                          "element": ["Work flexibly", "Always learning"]})
    table = feedback_table(items)
    assert list(table.columns) == ["date", "series", "session", "element", "prompt", "source", "text", "sub_themes"]
    assert table["date"].tolist() == [date(2022, 4, 11), date(2021, 1, 5)]
    assert table["element"].tolist() == ["Work flexibly", "Always learning"]
    assert table["text"].tolist() == ["The car park", "Night shifts"]
