// What the spreadsheet readers say about a file they cannot read or had to adjust (electron/core/sheets).
// `sheet.what.*` completes "{path} is not a spreadsheet ({what})". Quoted input is clipped (shared/clip.ts).
import type { Entries } from './entries';

export const sheets = {
  'sheet.what.pdf': { en: 'it is a PDF document', 'zh-CN': '这是 PDF 文档' },
  'sheet.what.png': { en: 'it is a PNG image', 'zh-CN': '这是 PNG 图片' },
  'sheet.what.jpeg': { en: 'it is a JPEG image', 'zh-CN': '这是 JPEG 图片' },
  'sheet.what.gif': { en: 'it is a GIF image', 'zh-CN': '这是 GIF 图片' },
  'sheet.what.gzip': { en: 'it is a gzip archive', 'zh-CN': '这是 gzip 压缩包' },
  'sheet.what.rar': { en: 'it is a RAR archive', 'zh-CN': '这是 RAR 压缩包' },
  'sheet.what.sevenZip': { en: 'it is a 7-Zip archive', 'zh-CN': '这是 7-Zip 压缩包' },
  'sheet.what.markup': { en: 'it is an HTML or XML file', 'zh-CN': '这是 HTML 或 XML 文件' },
  'sheet.what.folder': { en: 'it is a folder', 'zh-CN': '这是文件夹' },
  'sheet.what.damaged': {
    en: 'it is damaged or not an Excel workbook',
    'zh-CN': '文件已损坏或不是 Excel 工作簿',
  },
  'sheet.what.zipNotWorkbook': {
    en: 'it is a zip file but not an Excel workbook',
    'zh-CN': '这是 zip 压缩包，但不是 Excel 工作簿',
  },
  'sheet.what.excelExtension': {
    en: 'it has an Excel extension but is not an Excel workbook',
    'zh-CN': '扩展名是 Excel，但内容不是 Excel 工作簿',
  },
  'sheet.what.numbers': {
    en: 'it is an Apple Numbers file: export it as .xlsx',
    'zh-CN': '这是 Apple Numbers 文件：请导出为 .xlsx',
  },
  'sheet.what.encrypted': {
    en: 'it is password-protected: open it in Excel or WPS, remove the password and save it again',
    'zh-CN': '文件设有密码：请在 Excel 或 WPS 中打开，取消密码后重新保存',
  },
  'sheet.what.sheetDamaged': { en: 'sheet "{sheet}" is damaged', 'zh-CN': '工作表 "{sheet}" 已损坏' },
  'sheet.what.legacyDamaged': {
    en: 'it looks like an {format} file but is damaged',
    'zh-CN': '看起来是 {format} 文件，但文件已损坏',
  },
  'sheet.notSpreadsheet': {
    en: '{path} is not a spreadsheet ({what}); save it as .xlsx or .csv and try again',
    'zh-CN': '{path} 不是可读取的表格（{what}）；请另存为 .xlsx 或 .csv 后重试',
  },
  'sheet.noSheetNamed': {
    en: '{path} has no sheet named "{want}" (sheets: {sheets})',
    'zh-CN': '{path} 中没有名为 "{want}" 的工作表（现有工作表：{sheets}）',
  },
  'sheet.fileNotFound': { en: 'File not found: {path}', 'zh-CN': '找不到文件：{path}' },
  'sheet.cannotOpen': { en: 'Cannot open {path}: {why}', 'zh-CN': '无法打开 {path}：{why}' },
  'sheet.why.locked': {
    en: 'it is locked by another program or you may not read it',
    'zh-CN': '文件被其他程序占用，或没有读取权限',
  },
  'sheet.why.system': { en: 'the system answered {code}', 'zh-CN': '系统返回 {code}' },
  'sheet.namedSheet': { en: '"{name}"', 'zh-CN': '"{name}"' },
  'sheet.hiddenSheet': { en: '"{name}" (hidden)', 'zh-CN': '"{name}"（隐藏）' },
  'sheet.where': { en: 'sheet "{sheet}" of {path}', 'zh-CN': '{path} 的工作表 "{sheet}"' },
  'sheet.noDataAnySheet': {
    en: '{path} has no data in any sheet',
    'zh-CN': '{path} 的所有工作表中都没有数据',
  },
  'sheet.isEmpty': { en: '{where} is empty', 'zh-CN': '{where} 是空的' },
  'sheet.headerOnly': {
    en: '{where} has a header row (row {row}) but no data rows',
    'zh-CN': '{where} 只有表头（第 {row} 行），没有数据行',
  },
  'sheet.noRowsAfter': {
    en: '{where} has no rows after row {last}; row {wanted} cannot be the header',
    'zh-CN': '{where} 在第 {last} 行之后没有内容；第 {wanted} 行不能作为表头',
  },
  'sheet.headerRowBlank': {
    en: 'Row {wanted} of {where} is blank; pick another header row',
    'zh-CN': '{where} 的第 {wanted} 行是空行；请选择其他表头行',
  },
  'sheet.csvOneSheet': {
    en: '{path} is a CSV file: it has one sheet, "{name}", not "{want}"',
    'zh-CN': '{path} 是 CSV 文件：只有一个工作表 "{name}"，没有 "{want}"',
  },
  'sheet.otherSheets': {
    en: '. Sheets with data: {sheets}; to read one, name it with --sheet (for example --sheet "{first}")',
    'zh-CN': '。有数据的工作表：{sheets}；如需读取，请用 --sheet 指定（例如 --sheet "{first}"）',
  },
  'sheet.noOtherSheets': { en: '; no other sheet has data', 'zh-CN': '；其他工作表也没有数据' },
  'sheet.readSheet': {
    en: ' The sheet read was "{sheet}"{others}.',
    'zh-CN': '读取的是工作表 "{sheet}"{others}。',
  },
  'sheet.readSheetOthers': {
    en: '; sheets with data: {sheets} (choose one with --sheet)',
    'zh-CN': '；有数据的工作表：{sheets}（可用 --sheet 选择）',
  },
  'sheet.zipTooBig': {
    en: '{path} is refused: its parts unpack to more than {limit} (a zip bomb or not a spreadsheet)',
    'zh-CN': '已拒绝 {path}：解压后超过 {limit}（疑似 zip 炸弹或不是表格文件）',
  },
  'sheet.zipRatio': {
    en: '{path} is refused: part "{part}" unpacks to {ratio} times its packed size (a zip bomb or not a spreadsheet)',
    'zh-CN': '已拒绝 {path}：其中 "{part}" 解压后是压缩大小的 {ratio} 倍（疑似 zip 炸弹或不是表格文件）',
  },
  'sheet.cellTooLong': {
    en: 'Cell {cell} of sheet "{sheet}" in {path} is longer than Excel\'s limit of 32,767 characters',
    'zh-CN': '{path} 的工作表 "{sheet}" 中单元格 {cell} 超过 Excel 的上限 32,767 个字符',
  },
  'sheet.tooManyRows': {
    en: 'Sheet "{sheet}" of {path} has more than Excel\'s limit of 1,048,576 rows',
    'zh-CN': '{path} 的工作表 "{sheet}" 超过 Excel 的上限 1,048,576 行',
  },
  'sheet.tooManyColumns': {
    en: 'Cell {cell} of sheet "{sheet}" in {path} is beyond Excel\'s last column XFD (16,384 columns)',
    'zh-CN': '{path} 的工作表 "{sheet}" 中单元格 {cell} 超出 Excel 的最后一列 XFD（16,384 列）',
  },
  'sheet.mergedHeader': {
    en: 'The header row of sheet "{sheet}" in {path} has merged cells {cells}: unmerge them so each column has its own header',
    'zh-CN': '{path} 的工作表 "{sheet}" 的表头行有合并单元格 {cells}：请取消合并，让每一列都有自己的表头',
  },
  'sheet.mergedFilled': { en: 'merged cells {cells} filled', 'zh-CN': '合并单元格 {cells} 已按合并值填充' },
  'sheet.notText': {
    en: '{path} is not readable text: the byte at offset {offset} cannot be read as {tried}. If you know its encoding, name it with --encoding (for example --encoding gbk), or in Excel use "Save as" → "CSV UTF-8" or .xlsx',
    'zh-CN':
      '{path} 不是可读的文本：偏移 {offset} 处的字节无法按 {tried} 解码。如果知道文件编码，请用 --encoding 指定（例如 --encoding gbk），或在 Excel 中“另存为”→“CSV UTF-8”或 .xlsx',
  },
  'sheet.badByte': {
    en: '{path}: the byte at offset {offset} is not valid {encoding}. Name the right encoding with --encoding (for example --encoding gbk), or in Excel use "Save as" → "CSV UTF-8"',
    'zh-CN':
      '{path}：偏移 {offset} 处的字节不是有效的 {encoding} 编码。请用 --encoding 指定正确的编码（例如 --encoding gbk），或在 Excel 中“另存为”→“CSV UTF-8”',
  },
  'sheet.unknownEncoding': {
    en: '--encoding "{name}" is not an encoding dtload knows (for example utf-8, gb18030, gbk, big5, shift_jis, euc-kr, windows-1252)',
    'zh-CN':
      '--encoding "{name}" 不是可识别的编码（例如 utf-8、gb18030、gbk、big5、shift_jis、euc-kr、windows-1252）',
  },
  'sheet.encodingGuess': {
    en: 'The encoding was guessed as {encoding} (it could also be {other}); check the text reads right, for example "{sample}". If not, choose the encoding (--encoding NAME)',
    'zh-CN':
      '文件编码推测为 {encoding}（也可能是 {other}）；请确认文字显示正确，例如 "{sample}"。如不正确，请指定编码（--encoding 名称）',
  },
  'sheet.valuesWithoutHeader': {
    en: 'Values in columns without a header are not imported: {columns}. Give such a column a header to import it',
    'zh-CN': '没有表头的列中的值不会导入：{columns}。如需导入，请为该列填写表头',
  },
  'sheet.formulasWithoutResult': {
    en: 'Formulas without a saved result read as empty: {count} cells ({first}). The program that wrote the file does not calculate: open it in Excel or WPS, save it and import it again',
    'zh-CN':
      '没有保存计算结果的公式按空值读取：{count} 个单元格（{first}）。生成该文件的程序不计算公式：请在 Excel 或 WPS 中打开并保存后再导入',
  },
  'sheet.scientificNumbers': {
    en: 'Numbers in scientific notation: {count} cells ({first}: "{sample}"). Excel saved them as a too-narrow column showed them, and their last digits are lost: format the column as text in the workbook and save the CSV again',
    'zh-CN':
      '科学计数法的数字：{count} 个单元格（{first}：“{sample}”）。Excel 按过窄的列显示的样子保存了它们，后几位数字已丢失：请在原工作簿中把该列设为文本格式后重新保存 CSV',
  },
  'sheet.hiddenColumns': {
    en: 'Hidden columns are imported too: {columns}. Unhide them to check them, or delete the columns not to import',
    'zh-CN': '隐藏的列同样会被导入：{columns}。请取消隐藏后检查，或删除不需要导入的列',
  },
  'sheet.hiddenRows': {
    en: 'Hidden rows are imported too: {count} rows (row {first}). Unhide them to check them, or delete the rows not to import',
    'zh-CN': '隐藏的行同样会被导入：{count} 行（第 {first} 行）。请取消隐藏后检查，或删除不需要导入的行',
  },
  'sheet.valuesWithoutHeaderAt': {
    en: 'column {column} (first in {cell})',
    'zh-CN': '第 {column} 列（首个在 {cell}）',
  },
  'sheet.hiddenOnly': {
    en: '{path} has data only in hidden sheets: {sheets}. To read one, name it with --sheet (for example --sheet "{first}")',
    'zh-CN':
      '{path} 只有隐藏的工作表中有数据：{sheets}。如需读取，请用 --sheet 指定（例如 --sheet "{first}"）',
  },
  'sheet.cannotWriteNoFolder': {
    en: 'Cannot write {path}: the folder does not exist',
    'zh-CN': '无法写入 {path}：文件夹不存在',
  },
  'sheet.cannotWriteBusy': {
    en: 'Cannot write {path}: the file is open in another program or write-protected',
    'zh-CN': '无法写入 {path}：文件已在其他程序中打开或被写保护',
  },
  'sheet.cannotWriteFolder': {
    en: 'Cannot write {path}: it is a folder',
    'zh-CN': '无法写入 {path}：它是一个文件夹',
  },
  'sheet.cannotWriteOther': { en: 'Cannot write {path}: {reason}', 'zh-CN': '无法写入 {path}：{reason}' },
} as const satisfies Entries;
