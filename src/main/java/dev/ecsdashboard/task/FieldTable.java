package dev.ecsdashboard.task;

import java.util.List;

/**
 * A list of flat ECS objects (network bindings, tags, attachment details...) as a table: one column
 * per field that any row has, in the model's order; a cell is null where a row lacks the field.
 *
 * @param columns the wire names of the columns
 * @param rows the cells of each row, aligned with the columns
 */
public record FieldTable(List<String> columns, List<List<FieldView>> rows) {

  /** The column headers: views without values, for their labels. */
  public List<FieldView> headers() {
    return columns.stream().map(c -> FieldView.text(c, "", false)).toList();
  }
}
