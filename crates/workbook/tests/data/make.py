"""Workbooks written by a program other than ours (openpyxl), for the reader's tests.

Run once to regenerate (needs `pip install openpyxl`); the .xlsx files are committed, so the
tests never need Python or LibreOffice. `other-writer.ods` and `other-writer-lo.xlsx` are
`other-writer.xlsx` converted by LibreOffice (see README.md beside this file).
"""
from openpyxl import Workbook

# other-writer.xlsx: English sheet names, a title row above the headers, columns in another
# order than the template's, labels in both languages and as ids, a year typed as text,
# "85%" typed as text, 0.85 formatted as a percentage, 3.4849999999999999, an empty row,
# trailing spaces.
wb = Workbook()
ws = wb.active
ws.title = "Region"
ws.append(["Masterplan Kabupaten Uji"])
ws.append(["Value", "Field"])
ws.append(["Kabupaten Uji  ", "Region name"])
ws.append(["Regency", "Region kind"])
ws.append(["2023", "Tahun evaluasi"])
ws.append(["kominfo-2022", "method"])
ws.append([3.4849999999999999, "Baseline dimension score (1–4)"])

ws = wb.create_sheet("Programs")
ws.append(["Status", "Program name", "ID program", "Pilar", "Horizon", "Start year",
           "Kemajuan (%)", "Quick win: status", "Quick win: tahun target",
           "Quick win: launch year", "Catatan"])
ws.append(["Berjalan", "Mal Pelayanan Publik", "GOV-01", "governance", "Jangka menengah",
           "2020", "85%", None, None, None, "kantor baru"])
ws.append(["Completed", "Satu Data", "GOV-02", "Smart Governance", "short", 2021, 0.85])
ws.cell(row=3, column=7).number_format = "0%"
ws.append([])
ws.append(["running ", "Pasar Digital", "ECO-01", "Smart Economy", "Quick win", 2022, None,
           "Launched", 2022, 2022])
ws.append(["  ", None, None, None, None, None, None, None, None, None, "  "])
ws.append(["Direncanakan", "Puskesmas Online", "LIV-01", "living", "medium", 2022])
wb.save("other-writer.xlsx")

# bad.xlsx: the template's column order on a sheet named Program; row 14 has the status
# "Jalan" (H14), row 5 a start year "20x0" (F5), row 9 repeats the id of row 8 (A9).
wb = Workbook()
ws = wb.active
ws.title = "Program"
ws.append(["ID program / Program ID *", "Nama program / Program name *", "Pilar / Pillar *",
           "Sub-dimensi / Sub-dimension", "Horizon *", "Tahun mulai / Start year *",
           "Tahun selesai / End year", "Status *"])
for i in range(2, 15):
    ws.append([f"P-{i:02}", f"Program {i}", "Smart Living", None, "Jangka pendek", 2021, None,
               "Selesai"])
ws["F5"] = "20x0"
ws["A9"] = "P-08"
ws["H14"] = "Jalan"
ws2 = wb.create_sheet("Wilayah")
ws2.append(["Isian / Field", "Nilai / Value"])
ws2.append(["Nama daerah / Region name *", "Kota Uji"])
ws2.append(["Jenis daerah / Region kind *", "Kota"])
ws2.append(["Tahun evaluasi / Evaluation year *", 2022])
wb.save("bad.xlsx")
