// Text copied from a government web page keeps the page's furniture around the notice: the breadcrumb
// (当前位置：首页 > 政务公开 > …), the metadata grid (索引号、文号、发布单位、信息来源、发布日期), the view counter and
// the font switcher (浏览次数、字体：[ 大 中 小 ]), print and close buttons, share links. None of it is a title, a
// holder or a location; the run reader skips these lines when it looks for the context of coordinates.

const FURNITURE = new RegExp(
  [
    '^(?:当前位置|您的位置|您现在的位置|当前页面)\\s*[:：]?',
    '^首页\\s*(?:[>/»›]|$)',
    '^[>/»›]\\s*\\S',
    '(?:浏览次数|访问量|阅读次数|点击数|点击率)\\s*[:：]?',
    '字体\\s*[:：]?\\s*\\[',
    '^(?:索引号|公开方式|公开范围|公开时限|主题分类|体裁分类|组配分类|发布机构|发布单位|信息来源|来源|文章来源|责任编辑|编辑|作者|分享到|扫一扫|打印本页|关闭窗口|【打印】|\\[打印\\]|收藏)\\s*[:：]?',
    '^(?:发布日期|发布时间|发表时间|公开日期|成文日期|生成日期|更新时间|日期)\\s*[:：]',
    '^(?:【|\\[)\\s*(?:大|中|小|打印|关闭|返回顶部)',
    '^(?:上一篇|下一篇|相关链接|相关文章|网站地图|联系我们|版权所有|主办单位|承办单位|技术支持|网站标识码|ICP备)',
  ].join('|'),
);

export function isWebFurniture(text: string): boolean {
  return FURNITURE.test(text);
}
