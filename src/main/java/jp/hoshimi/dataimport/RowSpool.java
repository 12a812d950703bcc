package jp.hoshimi.dataimport;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import jp.hoshimi.shared.read.CellValue;

/**
 * The rows of an uploaded file as read once, kept on disk in a compact form. Reading the untrusted file
 * (bounded by the parse deadline) is thus separate from checking and applying its rows, and an apply
 * reads the same rows its preview checked without parsing the file again.
 */
final class RowSpool {

    private static final byte EMPTY = 0, TEXT = 1, NUMBER = 2, DATE = 3, BOOL = 4, ERROR = 5;

    private RowSpool() {}

    static final class Writer implements Closeable {
        private final DataOutputStream out;

        Writer(Path file) throws IOException {
            out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        }

        void write(int rowNumber, List<CellValue> cells) {
            try {
                out.writeInt(rowNumber);
                out.writeInt(cells.size());
                for (CellValue cell : cells) {
                    if (cell instanceof CellValue.Text t) {
                        out.writeByte(TEXT);
                        out.writeUTF(t.value());
                    } else if (cell instanceof CellValue.Number n) {
                        out.writeByte(NUMBER);
                        out.writeUTF(n.value().toPlainString());
                        out.writeUTF(n.formatted());
                    } else if (cell instanceof CellValue.Date d) {
                        out.writeByte(DATE);
                        out.writeUTF(d.value().toString());
                    } else if (cell instanceof CellValue.Bool b) {
                        out.writeByte(BOOL);
                        out.writeBoolean(b.value());
                    } else if (cell instanceof CellValue.Error x) {
                        out.writeByte(ERROR);
                        out.writeUTF(x.code());
                    } else {
                        out.writeByte(EMPTY);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    interface RowVisitor {
        void row(int rowNumber, List<CellValue> cells);
    }

    static void forEach(Path file, RowVisitor visitor) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            while (true) {
                int rowNumber;
                try {
                    rowNumber = in.readInt();
                } catch (EOFException end) {
                    return;
                }
                int size = in.readInt();
                List<CellValue> cells = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    cells.add(readCell(in));
                }
                visitor.row(rowNumber, cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CellValue readCell(DataInputStream in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case EMPTY -> new CellValue.Empty();
            case TEXT -> new CellValue.Text(in.readUTF());
            case NUMBER -> new CellValue.Number(new BigDecimal(in.readUTF()), in.readUTF());
            case DATE -> new CellValue.Date(LocalDateTime.parse(in.readUTF()));
            case BOOL -> new CellValue.Bool(in.readBoolean());
            case ERROR -> new CellValue.Error(in.readUTF());
            default -> throw new IOException("spool file is damaged (cell tag " + tag + ")");
        };
    }
}
