// Older notices (Hong Kong-era scans, 广东 and 台湾-style typesetting, texts converted by a browser) print the
// words the reader looks for in traditional characters: 拐點坐標, 面積, 號, 區. The reader matches simplified
// spellings only, so it reads through this table. The mapping is one character for one character, which keeps
// every offset and line number of the text: a field found in the simplified copy is cut from the original.
// The table holds the characters of the words the reader needs (land, mining, survey, datum, area, units,
// places and offices) and the common characters around them, not the whole of Chinese: a full converter
// (OpenCC's dictionaries) would weigh more than the rest of the core together and add nothing the patterns use.
// Characters that are also ordinary simplified characters (乾, 著, 干) are left out on purpose.

const PAIRS =
  '點点標标積积號号區区礦矿鑛矿權权圍围範范國国採采開开個个經经緯纬東东係系統统計计畝亩頃顷處处塊块轉转讓让' +
  '請请單单門门縣县鎮镇鄉乡廣广遠远資资發发佈布時时間间為为於于與与設设擬拟劃划報报書书證证許许廳厅長长島岛' +
  '灣湾碼码頭头約约徵征圖图見见錄录編编順顺線线邊边總总級级類类場场廠厂業业責责質质鋁铝鐵铁銅铜錳锰鋅锌鉛铅' +
  '鎂镁體体層层儲储備备審审議议對对應应關关條条規规則则辦办這这進进過过達达還还將将從从內内來来後后準准據据' +
  '測测繪绘驗验實实現现狀状況况環环護护項项陽阳鴉鸦詳详評评萬万億亿華华產产屬属倉仓庫库寬宽貨货運运輸输導导' +
  '閱阅覽览訊讯網网頁页碼码數数據据話话電电郵邮傳传聯联繫系務务會会員员問问題题義义變变動动務务際际雙双' +
  '軍军營营溝沟嶺岭灘滩濱滨澗涧橋桥壩坝莊庄樓楼場场廟庙塔塔衛卫紀纪處处權权歸归竊窃違违罰罚決决議议' +
  '於于該该勞劳慶庆興兴壽寿齊齐蘇苏黃黄龍龙鳳凤樂乐葉叶鄭郑趙赵劉刘孫孙陳陈楊杨張张鄧邓魯鲁遼辽臺台灣湾' +
  '蘭兰寧宁夠够濟济雲云貴贵閩闽贛赣瀋沈峽峡陝陕甕瓮滬沪渝渝廈厦門门韓韩羅罗濰潍淄淄滕滕濮濮' +
  '協协議议讓让價价額额費费稅税徑径級级礎础區区設设計计劃划圖图證证號号點点縮缩填填' +
  '鹽盐煤煤氣气鉀钾鈣钙鈉钠鎳镍鎢钨錫锡銻锑鉬钼釩钒鋰锂鈾铀銀银硃朱砂砂礬矾盤盘錨锚鑽钻鑄铸鋼钢' +
  '岩岩巖岩灰灰漿浆滷卤湧涌湯汤溫温濕湿燈灯爐炉煉炼礫砾墾垦壘垒壤壤圳圳埡垭壟垄擴扩採采掘掘選选' +
  '壓压廢废棄弃護护復复墾垦綠绿號号號号劃划屆届於于並并衝冲牆墙糧粮麥麦飼饲養养畜畜魚鱼漁渔塗涂';

const TABLE = new Map<number, number>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) {
  const from = PAIRS.charCodeAt(i);
  const to = PAIRS.charCodeAt(i + 1);
  if (from !== to) TABLE.set(from, to);
}

/** Quick test: no character of the text is in the table (nearly every simplified text). */
function hasTraditional(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (TABLE.has(text.charCodeAt(i))) return true;
  return false;
}

/** The text with the tabled traditional characters replaced by simplified ones; same length, same offsets. */
export function toSimplified(text: string): string {
  if (!hasTraditional(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out += String.fromCharCode(TABLE.get(c) ?? c);
  }
  return out;
}
