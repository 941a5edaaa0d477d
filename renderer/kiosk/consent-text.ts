// The data-use text a customer agrees to at the kiosk. The textId names the version; the exact
// text shown is recorded with the registration, so change the id whenever the text changes.
import type { Locale } from '../i18n/i18n.tsx';

export interface ConsentText {
  textId: string;
  title: string;
  paragraphs: readonly string[];
}

export const CONSENT_TEXTS: Record<Locale, ConsentText> = {
  en: {
    textId: 'beckon-data-use-v1-en',
    title: 'How we use your data',
    paragraphs: [
      'To show you the shops in this mall that have what you want, we keep: the products you want, how much you want them, how you would like to pay, and, if you agree, a photo of your face.',
      'The shops that stock a product you want see your photo, your wanted products, your desire level and payment method, and how far away you are, so that staff can recognise and help you.',
      'Terminals in the mall notice your phone or tag by Bluetooth to know which part of the mall you are in. We do not record your path.',
      'When you leave the mall, or when nobody has seen your device for a while, all of this — including your photo — is deleted. You can change or cancel your wishes at any time on your phone.',
    ],
  },
  ja: {
    textId: 'beckon-data-use-v1-ja',
    title: 'お客様データの利用について',
    paragraphs: [
      'ご希望の商品を扱うモール内の店舗をご案内するため、ご希望の商品、ご希望の度合い、お支払い方法、そして同意いただいた場合はお顔の写真をお預かりします。',
      'ご希望の商品を扱う店舗は、スタッフがお客様を見つけてご案内できるよう、お顔の写真、ご希望の商品、希望度、お支払い方法、店舗からの距離を見ることができます。',
      'モール内の端末は、お客様のスマートフォンまたはタグをBluetoothで検知し、モール内のおおよその位置を把握します。移動の経路は記録しません。',
      'モールを出られたとき、または一定時間お客様の機器が検知されなかったときは、お顔の写真を含むすべての情報を削除します。ご希望はスマートフォンからいつでも変更・取り消しができます。',
    ],
  },
};

/** The exact text recorded with the consent: the title and paragraphs as shown. */
export const consentFullText = (c: ConsentText): string => [c.title, ...c.paragraphs].join('\n\n');
