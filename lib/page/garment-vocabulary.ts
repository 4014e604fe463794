/**
 * The words that tell a garment we can try on from other products, in English
 * and Chinese. Kept apart from the matching logic so the tables can grow alone.
 *
 * English terms match as whole words, plural `s`/`es` included, with space, hyphen
 * or nothing between parts ('t-shirt' = 't shirt' = 'tshirt'). Chinese terms match
 * as substrings; the longest term ending at a position wins ('连衣裙' over '裙').
 */
import type { GarmentCategory } from '../engine/types';

export interface VocabularyTerm {
  term: string;
  kind: 'garment' | 'not-garment';
  /** Which part of the body the garment dresses; absent when the word does not say (clothing, 裙). */
  category?: GarmentCategory;
  /** A word for a whole department ('clothing', 'accessories'): it decides only when nothing more specific is said. */
  generic?: boolean;
}

const g = (category: GarmentCategory | undefined, ...terms: string[]): VocabularyTerm[] =>
  terms.map((term) => (category ? { term, kind: 'garment', category } : { term, kind: 'garment' }));
const not = (...terms: string[]): VocabularyTerm[] => terms.map((term) => ({ term, kind: 'not-garment' }));
const generic = (kind: 'garment' | 'not-garment', ...terms: string[]): VocabularyTerm[] => terms.map((term) => ({ term, kind, generic: true }));

export const GARMENT_VOCABULARY: readonly VocabularyTerm[] = [
  // Upper body.
  ...g('upper', 't-shirt', 'tee shirt', 'tee', 'shirt', 'overshirt', 'blouse', 'top', 'tank', 'camisole', 'cami', 'polo', 'henley',
    'turtleneck', 'sweater', 'jumper', 'pullover', 'cardigan', 'hoodie', 'hoody', 'sweatshirt', 'jacket', 'coat', 'overcoat',
    'trench', 'blazer', 'parka', 'anorak', 'windbreaker', 'bomber', 'puffer', 'gilet', 'vest', 'waistcoat', 'tunic', 'shacket',
    'fleece', 'knitwear', 'outerwear'),
  ...g('upper', '衬衫', '衬衣', 't恤', '体恤', '上衣', '卫衣', '外套', '夹克', '毛衣', '针织衫', '开衫', '背心', '马甲', '吊带',
    '羽绒服', '大衣', '风衣', '西服', '西装', '棉服', '冲锋衣', 'polo衫', '打底衫', '衫', '短袖t恤'),
  // Lower body.
  ...g('lower', 'trousers', 'pants', 'jeans', 'shorts', 'skirt', 'leggings', 'joggers', 'chinos', 'sweatpants', 'culottes',
    'capris', 'slacks', 'bottoms'),
  ...g('lower', '裤', '裤子', '长裤', '短裤', '牛仔裤', '休闲裤', '运动裤', '阔腿裤', '打底裤', '西裤', '半身裙', '短裙', '百褶裙', '包臀裙'),
  // Whole body.
  ...g('dress', 'dress', 'gown', 'sundress', 'jumpsuit', 'romper', 'playsuit', 'overalls', 'dungarees', 'kaftan', 'caftan'),
  ...g('dress', '连衣裙', '连体裤', '连衣裤', '旗袍', '礼服', '婚纱', '背带裤'),
  // Garments whose word does not say where they go.
  ...g(undefined, 'swimsuit', 'bikini', 'tracksuit', 'suit', 'pajamas', 'pyjamas', 'co-ord', '裙', '裙子', '长裙', '套装', '两件套',
    '泳衣', '睡衣', '家居服', '运动服'),
  ...generic('garment', 'clothing', 'clothes', 'apparel', 'garment', 'womenswear', 'menswear', '服装', '女装', '男装', '童装', '衣服', '服饰'),
  // Not garments: footwear, bags, jewellery, accessories, electronics, home, kitchen, beauty, toys.
  ...not('shoe', 'sneaker', 'trainers', 'boot', 'sandal', 'heels', 'loafer', 'slipper', 'flip-flop', 'clog', 'footwear',
    'bag', 'handbag', 'backpack', 'tote', 'purse', 'wallet', 'clutch', 'luggage', 'suitcase',
    'jewelry', 'jewellery', 'necklace', 'bracelet', 'ring', 'earring', 'pendant', 'brooch', 'watch', 'sunglasses', 'glasses', 'eyewear',
    'belt', 'hat', 'cap', 'beanie', 'scarf', 'scarves', 'glove', 'mitten', 'sock', 'tie', 'necktie', 'umbrella', 'keychain',
    'phone', 'smartphone', 'iphone', 'laptop', 'tablet', 'headphones', 'earbuds', 'charger', 'camera', 'television',
    'furniture', 'chair', 'sofa', 'table', 'desk', 'lamp', 'mattress', 'pillow', 'cushion', 'rug', 'curtain',
    'mug', 'cup', 'bottle', 'tumbler', 'plate', 'bowl', 'kettle', 'teapot', 'cookware',
    'toy', 'book', 'perfume', 'fragrance', 'candle', 'lipstick', 'cosmetics', 'poster', 'sticker', 'gift card'),
  ...not('鞋', '鞋子', '运动鞋', '靴', '靴子', '拖鞋', '凉鞋', '高跟鞋', '帆布鞋', '包包', '背包', '双肩包', '单肩包', '斜挎包',
    '手提包', '钱包', '书包', '手袋', '挎包', '腰包', '行李箱', '首饰', '项链', '手链', '戒指', '耳环', '耳钉', '手镯', '手表', '腕表',
    '眼镜', '太阳镜', '墨镜', '帽子', '棒球帽', '渔夫帽', '鸭舌帽', '毛线帽', '围巾', '手套', '袜子', '丝袜', '连裤袜', '腰带', '皮带',
    '手机', '耳机', '充电器', '平板', '电脑', '家具', '椅子', '沙发', '桌子', '台灯', '床垫', '枕头', '杯子', '马克杯', '水杯',
    '保温杯', '碗', '盘子', '玩具', '香水', '口红', '化妆品'),
  ...generic('not-garment', 'accessories', 'homeware', 'kitchen', 'electronics', '配饰', '家居', '厨房', '数码'),
];

/** Words that say the product is several garments sold together: its category hint is then unclear. */
export const SET_WORDS = ['set', 'co-ord', 'two-piece', 'twinset', '套装', '两件套', '三件套'];
