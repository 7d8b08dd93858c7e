// The datum a text names, in the spellings documents and .prj files use; and no datum where none is named.
import { describe, expect, it } from 'vitest';
import { detectDatum, findDatums } from '../../src/core/geodesy/datum.js';

describe('detectDatum', () => {
  it.each([
    ['坐标系统：2000国家大地坐标系', 'CGCS2000', '2000国家大地坐标系'],
    ['采用CGCS2000坐标系', 'CGCS2000', 'CGCS2000坐标系'],
    ['cgcs 2000', 'CGCS2000', 'cgcs 2000'],
    ['国家2000', 'CGCS2000', '国家2000'],
    ['國家2000坐標系', 'CGCS2000', '國家2000坐標系'],
    ['２０００国家大地坐标系', 'CGCS2000', '２０００国家大地坐标系'],
    ['GCS_China_Geodetic_Coordinate_System_2000', 'CGCS2000', 'China_Geodetic_Coordinate_System_2000'],
    ['1980西安坐标系', 'Xian80', '1980西安坐标系'],
    ['1980年西安坐标系', 'Xian80', '1980年西安坐标系'],
    ['西安80坐标系', 'Xian80', '西安80坐标系'],
    ['（西安80）', 'Xian80', '西安80'],
    ['坐标为80坐标系', 'Xian80', '80坐标系'],
    ['1980国家大地坐标系', 'Xian80', '1980国家大地坐标系'],
    ['１９８０ 西安坐標係', 'Xian80', '１９８０ 西安坐標係'],
    ['西 安 8 0', 'Xian80', '西 安 8 0'],
    ['GCS_Xian_1980', 'Xian80', 'Xian_1980'],
    ['Xian 1980 / 3-degree Gauss-Kruger zone 37', 'Xian80', 'Xian 1980'],
    ['1954北京坐标系', 'Beijing54', '1954北京坐标系'],
    ['1954年北京坐标系', 'Beijing54', '1954年北京坐标系'],
    ['北京54', 'Beijing54', '北京54'],
    ['54坐标系', 'Beijing54', '54坐标系'],
    ['北 京 5 4 坐 標 系', 'Beijing54', '北 京 5 4 坐 標 系'],
    ['Beijing_1954_3_Degree_GK_Zone_37', 'Beijing54', 'Beijing_1954'],
  ])('%s names %s', (text, datum, words) => {
    expect(detectDatum(text)).toEqual({ datum, text: words });
  });

  it.each([
    '2022年7月30日，面积1980平方米',
    '西安市1980年建成',
    '西安80万吨',
    '北京54号',
    '产能2000万吨/年',
    '国家2000万元',
    'New_Beijing_3_Degree_GK_Zone_37',
    'X1＝4153899.979，Y1＝37512131.140',
  ])('%s names no datum', (text) => {
    expect(detectDatum(text)).toBeNull();
  });

  it('lists every mention in text order, the first one winning in detectDatum', () => {
    const text = '由1980西安坐标系转换为2000国家大地坐标系';
    expect(findDatums(text).map((m) => [m.datum, m.index])).toEqual([
      ['Xian80', 1],
      ['CGCS2000', 13],
    ]);
    expect(detectDatum(text)?.datum).toBe('Xian80');
  });
});
